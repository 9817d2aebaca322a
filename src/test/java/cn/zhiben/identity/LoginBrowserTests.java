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
    void wrongPasswordShowsAChineseMessage() {
        login("no-such-user", "wrong-password");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
    }
}
