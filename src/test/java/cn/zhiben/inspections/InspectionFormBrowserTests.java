package cn.zhiben.inspections;

import cn.zhiben.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.http.MediaType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The inspection record on a 390 px phone: start, checklist, a finding, three signatures drawn on screen, complete. */
class InspectionFormBrowserTests extends BrowserTest {

    @AfterEach
    void wideAgain() {
        if (browser != null) {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void click(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        waiting().until(ExpectedConditions.elementToBeClickable(e)).click();
    }

    private void expectSaved(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.success"), text));
    }

    private void noHorizontalScroll() {
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("page wider than the phone").isLessThanOrEqualTo(0L);
    }

    /** A stroke across the pad, as a finger would draw it. */
    private void draw(WebElement canvas) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        new Actions(browser).moveToElement(canvas, -60, -10).clickAndHold().moveByOffset(40, 20).moveByOffset(40, -15)
                .moveByOffset(30, 10).release().perform();
    }

    @Test
    void anOfficerFillsInTheRecordOnA390PixelPhone() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
        UUID mine = jdbc.sql("select id from org_enterprise where demo and name like '泽州示范巴公煤业%'").query(UUID.class).single();
        List<UUID> team = List.of("zezhou-zf4", "zezhou-zf2").stream().map(u -> jdbc.sql(
                "select o.id from insp_officer o join idn_user u on u.id = o.user_id where u.username = :u").param("u", u)
                .query(UUID.class).single()).toList();
        String body = JSON.writeValueAsString(java.util.Map.of("enterpriseId", mine, "kind", "SPECIAL", "officerIds", team,
                "plannedFrom", today.toString(), "plannedTo", today.plusDays(3).toString()));
        String created = mvc.perform(auth(post("/api/v1/inspections"), token("zezhou-yingji"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(json(created).get("id").asString());

        browser.manage().window().setSize(new Dimension(390, 844));
        login("zezhou-zf4", DEMO_PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/")));
        browser.get(url("/inspections/" + id));
        click(visible(By.id("start-submit")));
        expectSaved("现场检查已开始");
        noHorizontalScroll();

        // the first clause passes; the checklist is saved
        WebElement firstRadio = visible(By.cssSelector("#form-items .check-item input[type=radio][value=PASSED]"));
        click(firstRadio);
        click(visible(By.id("items-submit")));
        expectSaved("已记录 1 个检查项");

        // a general finding with a deadline
        click(visible(By.id("grade-general")));
        WebElement description = visible(By.cssSelector("#form-finding textarea[name=description]"));
        description.sendKeys("井口消防器材压力不足");
        browser.findElement(By.cssSelector("#form-finding input[name=location]")).sendKeys("副井口");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('#form-finding input[name=deadline]').value = arguments[0]",
                today.plusDays(7).toString());
        click(browser.findElement(By.id("finding-submit")));
        expectSaved("已登记隐患");
        noHorizontalScroll();

        // three signatures drawn on the screen: both officers and the mine's manager
        for (int i = 0; i < 3; i++) {
            List<WebElement> forms = browser.findElements(By.cssSelector("form.sign"));
            WebElement form = forms.get(i);
            if (i == 2) {
                form.findElement(By.name("signerName")).sendKeys("严巴山");
            }
            draw(form.findElement(By.cssSelector("canvas")));
            click(form.findElement(By.cssSelector("button[type=submit]")));
            expectSaved("签名已保存");
        }
        WebElement summary = visible(By.cssSelector("#form-complete textarea[name=summary]"));
        summary.sendKeys("按检查清单抽查，发现一般隐患 1 项。");
        click(browser.findElement(By.id("complete-submit")));
        expectSaved("检查记录已完成，编号");
        assertThat(visible(By.id("record-number")).getText()).contains("检记");
        noHorizontalScroll();
        assertThat(jdbc.sql("select count(*) from insp_signature where inspection_id = :i").param("i", id).query(Long.class).single())
                .isEqualTo(3);
        byte[] png = jdbc.sql("select png from insp_signature where inspection_id = :i and party = 'ENTERPRISE'").param("i", id)
                .query(byte[].class).single();
        assertThat(png.length).isGreaterThan(500); // a drawn stroke, not an empty canvas
    }
}
