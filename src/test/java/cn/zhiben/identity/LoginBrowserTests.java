package cn.zhiben.identity;

import cn.zhiben.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

class LoginBrowserTests extends BrowserTest {

    @Test
    void cityOfficeLogsInAndSeesItsHomePage() {
        login("city", DEMO_PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("市安委办");
        assertThat(browser.findElement(By.cssSelector(".topbar-user .user-role")).getText()).contains("市安委办");
    }

    @Test
    void loggingOutSaysSoAndNotThatTheSessionTimedOut() {
        login("city", DEMO_PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/")));
        browser.findElement(By.cssSelector(".topbar-user button.link")).click();
        waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("您已安全退出").doesNotContain("超时");
    }

    @Test
    void aDemoAccountIsPickedFromTheLoginPage() {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-accounts")));
        assertThat(browser.findElements(By.id("totp"))).as("no code asked before the password").isEmpty();
        browser.findElement(By.cssSelector("[data-demo-user='zezhou-yingji']")).click();
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("zezhou-yingji");
        browser.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlToBe(url("/")));
        assertThat(browser.findElement(By.cssSelector(".topbar-user .user-role")).getText()).contains("泽州县应急管理局");
    }

    @Test
    void wrongPasswordShowsAChineseMessage() {
        login("no-such-user", "wrong-password");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
    }
}
