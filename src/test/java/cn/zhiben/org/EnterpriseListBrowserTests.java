package cn.zhiben.org;

import cn.zhiben.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser test: log in through the form and open the enterprise list, in a real Chromium. */
class EnterpriseListBrowserTests extends BrowserTest {

    @Test
    void countyOfficeLogsInAndSeesOnlyItsCountysEnterprises() {
        login("zezhou", DEMO_PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/")));
        browser.findElement(By.linkText("企业")).click();
        waiting().until(ExpectedConditions.urlContains("/org/enterprises"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table tbody tr")));
        List<WebElement> rows = browser.findElements(By.cssSelector("table tbody tr"));
        assertThat(rows).isNotEmpty();
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("泽州示范");
        assertThat(page).doesNotContain("高平示范").doesNotContain("沁水示范");
        // masked mobile numbers in the list
        assertThat(page).containsPattern("1\\d\\d\\*{4}\\d{4}");
    }
}
