package cn.zhiben.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;

/**
 * Base of browser tests: a real headless Chromium against the shared test server. Without Chromium and chromedriver
 * (apt: chromium chromium-driver) the tests are skipped with a visible message instead of failing.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static final String CHROMIUM = System.getenv().getOrDefault("ZHIBEN_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("ZHIBEN_CHROMEDRIVER", "/usr/bin/chromedriver");
    protected static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!available) {
            System.out.println("\n*** Browser tests SKIPPED: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                    + " (install: apt-get install -y chromium chromium-driver) ***\n");
        }
        Assumptions.assumeTrue(available, "Chromium/chromedriver not installed: browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // flags a sandboxed CI machine without network needs (root, no GPU, no background connections)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** Logs in through the real login form; starts from a clean session. */
    protected void login(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }
}
