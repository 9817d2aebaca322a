package cn.zhiben.platform;

import cn.zhiben.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 1 at 390×844 (a phone): the top bar stays one row and the menu drawer opens right below it, so 首页,
 * 隐患治理 and 隐患清单 can be tapped (they sat under a wrapped header before: "element click intercepted").
 */
class PhoneLayoutBrowserTests extends BrowserTest {

    @AfterEach
    void desktopAgain() {
        if (browser != null) {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private void openMenu() {
        browser.findElement(By.cssSelector(".nav-toggle")).click();
        waiting().until(d -> d.findElement(By.cssSelector(".sidenav")).getLocation().getX() >= 0);
    }

    @Test
    void thePhoneMenuOpensBelowAOneRowHeaderAndItsItemsCanBeTapped() {
        browser.manage().window().setSize(new Dimension(390, 844));
        login("zezhou", DEMO_PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/")));
        WebElement header = browser.findElement(By.cssSelector(".topbar"));
        int headerHeight = header.getSize().getHeight();
        // one row: the wrapped header was about 150 px (18 % of the screen)
        assertThat(headerHeight).isLessThan(64);
        assertThat(browser.findElement(By.cssSelector(".topbar .account-link")).isDisplayed()).isFalse();

        openMenu();
        WebElement drawer = browser.findElement(By.cssSelector(".sidenav"));
        assertThat(Math.abs(drawer.getLocation().getY() - (header.getLocation().getY() + headerHeight))).isLessThanOrEqualTo(1);
        // tapping the group title and the links hits them, not the header
        browser.findElement(By.xpath("//nav[contains(@class,'sidenav')]//h4[text()='隐患治理']")).click();
        browser.findElement(By.cssSelector(".sidenav .nav-home")).click();
        waiting().until(ExpectedConditions.urlToBe(url("/")));

        openMenu();
        browser.findElement(By.xpath("//nav[contains(@class,'sidenav')]//a[text()='隐患清单']")).click();
        waiting().until(ExpectedConditions.urlContains("/hazards"));
        // the account links moved into the drawer
        openMenu();
        assertThat(browser.findElement(By.cssSelector(".sidenav .nav-account a[href='/account/password']")).isDisplayed()).isTrue();
    }
}
