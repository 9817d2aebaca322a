package cn.zhiben.hazards;

import cn.zhiben.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10 item 15 in a real browser: a figure of the county table opens the list with that many hazards, also on a phone. */
class HazardRegionTableBrowserTests extends BrowserTest {

    void openCell(String column) {
        WebElement cell = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#region-table tr[data-region='140525'] td[data-column='" + column + "'] a")));
        String expected = cell.getText();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
        waiting().until(ExpectedConditions.elementToBeClickable(cell)).click();
        waiting().until(ExpectedConditions.urlContains("region=140525"));
        WebElement total = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("total")));
        assertThat(total.getText()).isEqualTo(expected);
    }

    @Test
    void aCountyFigureOpensItsListOnADesktopAndOnAPhone() {
        try {
            browser.manage().window().setSize(new Dimension(1366, 900));
            login("city", DEMO_PASSWORD);
            waiting().until(ExpectedConditions.urlToBe(url("/")));
            openCell("未销号");
            assertThat(browser.getCurrentUrl()).contains("grade=MAJOR", "open=true");

            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/"));
            openCell("逾期");
            assertThat(browser.getCurrentUrl()).contains("overdue=true", "open=true");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
