package cn.zhiben.hazards;

import cn.zhiben.standards.StandardsLibrary;
import cn.zhiben.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The browser tests: a major hazard's whole closed loop through the pages, and a listing on the public board. */
class HazardLifecycleBrowserTests extends BrowserTest {

    private static final Pattern DETAIL = Pattern.compile("/hazards/([0-9a-f-]{36})$");

    private LocalDate today() {
        return LocalDate.now(clock.withZone(cn.zhiben.platform.PlatformConfiguration.ZONE));
    }

    private void signIn(String username) {
        login(username, DEMO_PASSWORD);
        waiting().until(ExpectedConditions.urlToBe(url("/")));
    }

    private WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Clicks after scrolling the element to the middle of the screen, clear of the sticky top bar. */
    private void click(By by) {
        WebElement e = visible(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        waiting().until(ExpectedConditions.elementToBeClickable(e)).click();
    }

    private void type(By by, String text) {
        WebElement e = visible(by);
        e.clear();
        e.sendKeys(text);
    }

    /** Date inputs take what is typed in the browser's locale order; setting the value is exact. */
    private void date(By by, LocalDate value) {
        WebElement e = visible(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", e, value.toString());
    }

    private void expectSaved(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.success"), text));
    }

    private void expectStatus(String label) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("hazard-status"), label));
    }

    @Test
    void aMajorHazardGoesThroughTheWholeLoopInTheBrowser() throws Exception {
        String marker = "浏览器全流程-" + UUID.randomUUID().toString().substring(0, 8);

        // the enterprise's safety department reports it against a clause picked in the form
        signIn("qiye");
        click(By.linkText("登记隐患"));
        visible(By.id("report-form"));
        assertThat(browser.findElement(By.id("grade-major")).isSelected()).isTrue();
        type(By.name("clauseQ"), "瓦斯");
        // htmx swaps the picker: the matching groups come back unfolded
        WebElement clause = waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#clause-picker details[open] label.clause input[name='clauseId']")));
        String clauseText = clause.findElement(By.xpath("..")).getText();
        assertThat(clauseText).contains("第").contains("条");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", clause);
        clause.click();
        type(By.name("description"), marker + " 瓦斯抽采不达标仍组织采掘");
        type(By.name("location"), "1302 工作面");
        type(By.name("foundBy"), "通风区 张工");
        new Select(visible(By.name("shutdown"))).selectByValue("PARTIAL");
        // the evidence found on site goes with the report (issue 10 item 8)
        Path evidence = Files.createTempFile("发现取证", ".png");
        BufferedImage found = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        found.setRGB(2, 2, Color.BLUE.getRGB());
        ImageIO.write(found, "png", evidence.toFile());
        browser.findElement(By.id("evidence")).sendKeys(evidence.toAbsolutePath().toString());
        click(By.id("report-submit"));
        waiting().until(ExpectedConditions.urlMatches(DETAIL.pattern()));
        Matcher m = DETAIL.matcher(browser.getCurrentUrl());
        assertThat(m.find()).isTrue();
        String detailUrl = browser.getCurrentUrl();
        String number = visible(By.id("hazard-number")).getText();
        expectSaved("隐患已登记，编号 " + number);
        expectStatus("待安全管理部门确认");
        assertThat(browser.findElement(By.id("hazard-description")).getText()).contains(marker);
        assertThat(visible(By.id("attachments")).getText()).contains(evidence.getFileName().toString()).contains("发现取证");
        Files.deleteIfExists(evidence);

        // two-level confirmation
        click(By.cssSelector("#act-confirm-department button[type=submit]"));
        expectStatus("待主要负责人确认");
        signIn("qiye-fzr");
        browser.get(detailUrl);
        click(By.cssSelector("#act-confirm-principal button[type=submit]"));
        expectStatus("待制定整改方案");

        // the six-element plan, progress with a photo, an extension request
        signIn("qiye");
        browser.get(detailUrl);
        type(By.cssSelector("#act-plan [name=objectives]"), "瓦斯抽采达标后恢复采掘");
        type(By.cssSelector("#act-plan [name=measures]"), "增打抽采钻孔，延长抽采时间");
        type(By.cssSelector("#act-plan [name=funding]"), "356000.50");
        type(By.cssSelector("#act-plan [name=materials]"), "钻机两台、抽采管路 800 米");
        type(By.cssSelector("#act-plan [name=organisation]"), "通风区、抽采队");
        type(By.cssSelector("#act-plan [name=responsiblePerson]"), "总工程师 王某");
        LocalDate planDeadline = today().plusDays(20);
        date(By.cssSelector("#act-plan [name=deadline]"), planDeadline);
        type(By.cssSelector("#act-plan [name=safetyMeasures]"), "停止该面采掘，加强瓦斯巡检");
        type(By.cssSelector("#act-plan [name=emergencyPlan]"), "瓦斯超限按应急预案撤人");
        type(By.cssSelector("#act-plan [name=interimMeasures]"), "该面停产，限员");
        click(By.cssSelector("#act-plan button[type=submit]"));
        expectStatus("整改中");
        assertThat(visible(By.id("plans")).getText()).contains("356,000.50 元").contains("总工程师 王某")
                .contains("瓦斯超限按应急预案撤人");

        type(By.cssSelector("#act-progress [name=summary]"), "已完成抽采钻孔 40 个");
        click(By.cssSelector("#act-progress button[type=submit]"));
        expectSaved("整改进展已报告");

        Path photo = Files.createTempFile("现场照片", ".png");
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, Color.RED.getRGB());
        ImageIO.write(image, "png", photo.toFile());
        new Select(visible(By.cssSelector("#act-attachments [name=stage]"))).selectByValue("PROGRESS");
        browser.findElement(By.cssSelector("#act-attachments input[type=file]")).sendKeys(photo.toAbsolutePath().toString());
        click(By.cssSelector("#act-attachments button[type=submit]"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), photo.getFileName().toString()));
        assertThat(browser.findElements(By.cssSelector("#attachments img.thumb"))).isNotEmpty();
        Files.deleteIfExists(photo);

        date(By.cssSelector("#act-extension-request [name=deadline]"), planDeadline.plusDays(15));
        type(By.cssSelector("#act-extension-request [name=reason]"), "抽采钻机检修，需延长抽采时间");
        click(By.cssSelector("#act-extension-request button[type=submit]"));
        expectSaved("延期申请已提交");

        // the county department leading the coal field approves the extension
        signIn("zezhou-nengyuan");
        browser.get(detailUrl);
        assertThat(visible(By.id("act-extension-decision")).getText()).contains(planDeadline.plusDays(15).toString());
        type(By.cssSelector("#act-extension-decision [name=reason]"), "理由充分，同意延期");
        click(By.cssSelector("#act-extension-decision button[value=true]"));
        expectSaved("已同意延期");
        assertThat(visible(By.id("deadline")).getText()).isEqualTo(planDeadline.plusDays(15).toString());

        // the enterprise completes, evaluates and asks for sign-off
        signIn("qiye");
        browser.get(detailUrl);
        type(By.cssSelector("#act-complete [name=summary]"), "抽采达标，经检测瓦斯浓度正常");
        click(By.cssSelector("#act-complete button[type=submit]"));
        expectStatus("整改完成待评估");
        type(By.cssSelector("#act-evaluation [name=conclusion]"), "整改到位，抽采指标达标");
        click(By.cssSelector("#act-evaluation button[type=submit]"));
        expectStatus("已评估待申请销号");
        click(By.cssSelector("#act-sign-off-request button[type=submit]"));
        expectStatus("待审核销号");

        // the county department reviews on site and signs it off; it finds it in its inbox first
        signIn("zezhou-nengyuan");
        click(By.linkText("待我处理"));
        click(By.linkText(number));
        waiting().until(ExpectedConditions.urlToBe(detailUrl));
        type(By.cssSelector("#act-sign-off [name=opinion]"), "现场核查整改到位，同意销号");
        click(By.cssSelector("#act-sign-off button[type=submit]"));
        expectStatus("已销号");
        assertThat(browser.findElements(By.cssSelector("form.act[id^=act-]:not(#act-attachments)"))).isEmpty();

        // the timeline shows every step with who did it
        Map<String, String> steps = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (WebElement li : browser.findElements(By.cssSelector("#timeline li"))) {
            String what = li.findElement(By.cssSelector(".what")).getText();
            order.add(what);
            steps.merge(what, li.findElement(By.cssSelector(".who")).getText(), (a, b) -> a + "|" + b);
        }
        assertThat(order).containsSubsequence("企业自查登记", "安全管理部门确认", "主要负责人确认", "制定整改方案",
                "报告整改进展", "上传附件", "申请延期", "批准延期", "整改完成", "整改效果评估", "申请销号", "审核销号");
        assertThat(steps.get("企业自查登记")).contains("安全管理部");
        assertThat(steps.get("安全管理部门确认")).contains("安全管理部");
        assertThat(steps.get("主要负责人确认")).contains("主要负责人");
        assertThat(steps.get("制定整改方案")).contains("安全管理部");
        assertThat(steps.get("批准延期")).contains("泽州县能源局");
        assertThat(steps.get("审核销号")).contains("泽州县能源局");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("理由充分，同意延期").contains("现场核查整改到位，同意销号");
    }

    @Test
    void aCountyListingAppearsOnTheBoardAnotherCountySees() {
        UUID clause = standardsClause();
        // the hazard itself is set up through the API, as the enterprise would report it
        UUID id = reportedThroughApi(clause);
        String document = "泽安办督〔2026〕" + (System.nanoTime() % 100000) + "号";

        signIn("zezhou");
        browser.get(url("/hazards/" + id));
        String number = visible(By.id("hazard-number")).getText();
        type(By.cssSelector("#act-listing [name=documentNumber]"), document);
        date(By.cssSelector("#act-listing [name=deadline]"), today().plusDays(30));
        // the county's departments, the coal field's lead preselected; the box narrows the list (issue 10 item 4)
        Select units = new Select(visible(By.cssSelector("#act-listing [name=supervisingUnitId]")));
        assertThat(units.getFirstSelectedOption().getText()).startsWith("泽州县能源局");
        type(By.cssSelector("#act-listing input.select-filter"), "应急");
        List<String> shown = new ArrayList<>();
        for (WebElement o : units.getOptions()) {
            if (!"true".equals(o.getDomProperty("hidden")) && !o.getAttribute("value").isEmpty()) {
                shown.add(o.getText());
            }
        }
        assertThat(shown).containsExactly("泽州县应急管理局");
        assertThat(units.getFirstSelectedOption().getText()).isEqualTo("泽州县应急管理局");
        click(By.cssSelector("#act-listing button[type=submit]"));
        expectSaved("已挂牌督办");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("县级挂牌");
        assertThat(visible(By.id("listing")).getText()).contains("督办单位：泽州县应急管理局");

        signIn("gaoping");
        click(By.linkText("挂牌督办公示"));
        WebElement board = visible(By.id("board"));
        assertThat(board.getText()).contains(number).contains(document).contains("泽州县巴公镇").contains("挂牌");
        // public, but the detail stays inside the hazard's own county
        assertThat(board.findElements(By.linkText(number))).isEmpty();
    }

    // ---- API set-up for the second test ----

    @Autowired
    StandardsLibrary standards;

    private UUID standardsClause() {
        var clauses = standards.clausesInForce("mine.coal", Set.of(), today()).stream()
                .filter(c -> c.version().standardCode() != null).toList();
        return clauses.get(61 % clauses.size()).id();
    }

    private UUID reportedThroughApi(UUID clause) {
        try {
            UUID enterprise = jdbc.sql("select enterprise_id from idn_user where username = 'qiye'").query(UUID.class).single();
            String safety = token("qiye");
            String body = """
                    {"enterpriseId":"%s","channel":"SELF_INSPECTION","grade":"MAJOR","clauseId":"%s","description":"挂牌浏览器测试",
                     "location":"主井","foundOn":"%s","foundBy":"安全员"}""".formatted(enterprise, clause, today());
            UUID id = UUID.fromString(json(mvc.perform(auth(post("/api/v1/hazards"), safety).contentType("application/json").content(body))
                    .andReturn().getResponse().getContentAsString()).get("id").asString());
            verb(safety, id, "confirm-department");
            verb(token("qiye-fzr"), id, "confirm-principal");
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void verb(String token, UUID id, String verb) throws Exception {
        int version = json(mvc.perform(auth(get("/api/v1/hazards/" + id), token)).andReturn().getResponse().getContentAsString())
                .get("hazard").get("version").asInt();
        mvc.perform(auth(post("/api/v1/hazards/" + id + "/" + verb), token)
                .contentType("application/json").content("{\"version\":" + version + "}"));
    }
}
