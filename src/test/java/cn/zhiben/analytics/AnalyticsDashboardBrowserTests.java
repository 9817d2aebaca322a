package cn.zhiben.analytics;

import cn.zhiben.standards.StandardsLibrary;
import cn.zhiben.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The city office opens the dashboard and drills from the county map down to one hazard. */
class AnalyticsDashboardBrowserTests extends BrowserTest {

    @Autowired
    StandardsLibrary standards;

    @Test
    void cityOfficeDrillsFromTheMapThroughTownshipAndEnterpriseToAHazard() throws Exception {
        // an open major hazard at the demo coal mine in 泽州县 (a self-report waiting for confirmation)
        String safety = token("qiye");
        LocalDate today = LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
        List<UUID> clauses = standards.clausesInForce("mine.coal", Set.of(), today).stream()
                .filter(c -> c.version().standardCode() != null).map(c -> c.id()).toList();
        UUID mine = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("enterpriseId", mine.toString());
        report.put("channel", "SELF_INSPECTION");
        report.put("grade", "MAJOR");
        report.put("clauseId", clauses.get(41 % clauses.size()).toString());
        report.put("description", "挂图作战浏览器测试：瓦斯抽采系统不完善");
        report.put("location", "挂图作战测试工作面");
        report.put("foundOn", today.minusDays(1).toString());
        report.put("foundBy", "通风区");
        report.put("shutdown", "NONE");
        JsonNode created = JSON.readTree(mvc.perform(post("/api/v1/hazards").header("Authorization", "Bearer " + safety)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(report)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(created.get("id").asString());
        String number = created.get("number").asString();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from an_hazard where hazard_id = :id and version >= 0")
                    .param("id", id).query(Long.class).single() == 1);
            String township = jdbc.sql("select region_code from an_hazard where hazard_id = :id").param("id", id)
                    .query(String.class).single();

            login("city", DEMO_PASSWORD);
            waiting().until(ExpectedConditions.urlToBe(url("/")));
            browser.get(url("/analytics"));
            WebDriverReady.await(browser, waiting());
            // click 泽州县 on the map, at its centroid as ECharts draws it
            WebElement map = browser.findElement(By.id("an-map"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
            @SuppressWarnings("unchecked")
            List<Number> p = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                    "var c = window.zhibenAnalytics.charts['an-map'];"
                            + "var f = window.zhibenAnalytics.counties['140525'];"
                            + "return c.convertToPixel({seriesIndex: 0}, f.properties.centroid);");
            int dx = (int) Math.round(p.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
            int dy = (int) Math.round(p.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
            new Actions(browser).moveToElement(map, dx, dy).click().perform();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("an-sub-title"), "泽州县"));
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("an-crumbs"), "泽州县"));

            // the township of the hazard, then its enterprise, then the hazard itself
            By townshipLink = By.cssSelector("#an-sub a[data-drill='township'][data-code='" + township + "']");
            waiting().until(ExpectedConditions.elementToBeClickable(townshipLink)).click();
            By enterpriseLink = By.cssSelector("#an-sub a[data-drill='enterprise']");
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("an-sub-title"), "各企业"));
            WebElement enterprise = waiting().until(ExpectedConditions.elementToBeClickable(enterpriseLink));
            assertThat(browser.findElements(enterpriseLink)).isNotEmpty();
            browser.findElements(enterpriseLink).stream()
                    .filter(a -> a.getAttribute("href").contains(mine.toString())).findFirst().orElse(enterprise).click();
            waiting().until(ExpectedConditions.urlContains("/analytics/hazards"));
            WebElement hazard = waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(number)));
            hazard.click();
            waiting().until(ExpectedConditions.urlContains("/hazards/" + id));
            assertThat(browser.getPageSource()).contains(number);
        } finally {
            mvc.perform(post("/api/v1/hazards/" + id + "/withdrawal").header("Authorization", "Bearer " + safety)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\":" + jdbc.sql("select version from hz_hazard where id = :id").param("id", id)
                            .query(Integer.class).single() + ",\"reason\":\"浏览器测试完毕撤回\"}"));
        }
    }

    /** Waits until the dashboard script has drawn every panel (it sets data-ready on the page). */
    static final class WebDriverReady {
        static void await(org.openqa.selenium.WebDriver browser, org.openqa.selenium.support.ui.WebDriverWait wait) {
            wait.until(d -> {
                WebElement root = d.findElement(By.id("analytics"));
                String error = root.getAttribute("data-error");
                if (error != null) {
                    throw new AssertionError("dashboard failed: " + error);
                }
                return "true".equals(root.getAttribute("data-ready"));
            });
        }
    }
}
