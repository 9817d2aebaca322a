package cn.zhiben.monitoring;

import cn.zhiben.monitoring.internal.PointKind;
import cn.zhiben.monitoring.internal.PointSheet;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

class MonitoringWebTests extends MonitoringTestSupport {

    @Test
    void aCountySeesOnlyItsOwnPointsReadingsAndAlarms() throws Exception {
        Setup zezhou = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        Setup gaoping = setup(demoEnterprise("mine.coal", "高平示范寺庄煤业"), PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(400);
        for (Setup s : List.of(zezhou, gaoping)) {
            send(s, batch(reading(s.code("CH4"), 1, t, 0.3), reading(s.code("CH4"), 2, t.plusSeconds(300), 1.2)));
        }
        UUID gaopingAlarm = alarms(gaoping.id("CH4")).get(0).id();
        UUID zezhouAlarm = alarms(zezhou.id("CH4")).get(0).id();
        String county = token("zezhou");

        // an object outside the scope answers 404 exactly like a missing one
        for (String path : List.of("/api/v1/monitoring/points/" + gaoping.id("CH4"),
                "/api/v1/monitoring/points/" + gaoping.id("CH4") + "/readings",
                "/api/v1/monitoring/alarms/" + gaopingAlarm,
                "/api/v1/monitoring/points/" + UUID.randomUUID())) {
            assertThat(mvc.perform(auth(get(path), county)).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
        }
        assertThat(status(county, "/api/v1/monitoring/points/" + zezhou.id("CH4"))).isEqualTo(200);
        assertThat(json(body(county, "/api/v1/monitoring/points/" + zezhou.id("CH4") + "/readings")).get("points")).hasSize(2);
        assertThat(status(county, "/api/v1/monitoring/alarms/" + zezhouAlarm)).isEqualTo(200);

        String points = body(county, "/api/v1/monitoring/points?keyword=" + gaoping.code("CH4").substring(0, 10));
        assertThat(points).doesNotContain(gaoping.code("CH4"));
        String alarmsJson = body(county, "/api/v1/monitoring/alarms?limit=500&open=true");
        assertThat(alarmsJson).contains(zezhouAlarm.toString()).doesNotContain(gaopingAlarm.toString());
        // and so on the pages
        MockHttpSession session = login("zezhou");
        assertThat(mvc.perform(get("/monitoring/alarms/" + gaopingAlarm).session(session)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/monitoring/points/" + gaoping.id("CH4")).session(session)).andReturn().getResponse().getStatus()).isEqualTo(404);
        // the city sees both
        String city = token("city");
        assertThat(status(city, "/api/v1/monitoring/alarms/" + gaopingAlarm)).isEqualTo(200);
        assertThat(status(city, "/api/v1/monitoring/alarms/" + zezhouAlarm)).isEqualTo(200);
    }

    @Test
    void thePagesShowTheWallTheTrendTheInboxAndAnAlarmsTimeline() throws Exception {
        Setup s = setup(PointSpec.of("CH4", PointKind.METHANE, "LW_FACE"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(400);
        send(s, batch(reading(s.code("CH4"), 1, t, 0.3), reading(s.code("CH4"), 2, t.plusSeconds(300), 1.6)));
        UUID alarm = alarms(s.id("CH4")).get(0).id();
        MockHttpSession session = login("zezhou-yingji");
        assertThat(page(session, "/monitoring")).contains("监测预警一张图", "泽州示范巴公煤业");
        assertThat(page(session, "/monitoring/enterprises/" + s.enterpriseId())).contains(s.code("CH4"), "data-live-stream");
        assertThat(page(session, "/monitoring/points/" + s.id("CH4"))).contains("id=\"trend\"", "煤矿安全规程（2016）第498条表19");
        assertThat(page(session, "/monitoring/alarms")).contains("待我处理");
        assertThat(page(session, "/monitoring/alarms/" + alarm)).contains("处置时间线", "响应（签收）");
        assertThat(page(session, "/monitoring/rules")).contains("GB/T 50493-2019", "本平台推定");
        assertThat(page(session, "/monitoring/points")).contains("从 Excel 导入测点");
        String series = mvc.perform(get("/monitoring/points/" + s.id("CH4") + "/series?hours=1").session(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(json(series).get("points")).hasSize(2);
        // at 390 px the tables stack (class "stack") and the page has the viewport meta
        assertThat(page(session, "/monitoring/alarms")).contains("class=\"stack\"", "width=device-width");
    }

    @Test
    void pointsAreImportedFromXlsxAllOrNothing() throws Exception {
        Setup s = setup();
        String token = token("zezhou");
        byte[] bad = sheet(s.device(), new String[][]{
                {s.device(), "IMP-" + s.device() + "-1", "导入甲烷1", "甲烷", "LW_FACE", "1号面", "0", "4", "", "", "", ""},
                {s.device(), "IMP-" + s.device() + "-2", "导入液位", "水位计", "", "罐区", "", "", "", "", "", ""},
                {"NO-SUCH-DEVICE", "IMP-" + s.device() + "-3", "导入甲烷3", "METHANE", "", "3号面", "", "", "", "", "", ""}});
        MvcResult r = mvc.perform(multipart("/api/v1/monitoring/points/import").file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", bad)).header("Authorization", "Bearer " + token)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(json(r.getResponse().getContentAsString()).get("errors")).hasSize(2);
        assertThat(jdbc.sql("select count(*) from mon_point where code like :c").param("c", "IMP-" + s.device() + "%")
                .query(Long.class).single()).isZero();

        byte[] good = sheet(s.device(), new String[][]{
                {s.device(), "IMP-" + s.device() + "-1", "导入甲烷1", "甲烷", "采煤工作面（T1）", "1号面", "0", "4", "", "", "", ""},
                {s.device(), "IMP-" + s.device() + "-2", "导入液位", "液位", "", "罐区", "0", "10", "8.5", "9.2", "", ""}});
        r = mvc.perform(multipart("/api/v1/monitoring/points/import").file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", good)).header("Authorization", "Bearer " + token)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(jdbc.sql("select location_type || ':' || coalesce(high::text, '-') from mon_point where code like :c order by code")
                .param("c", "IMP-" + s.device() + "%").query(String.class).list()).containsExactly("LW_FACE:-", "*:8.5");
        // a county cannot import onto another county's device
        Setup gaoping = setup(demoEnterprise("mine.coal", "高平示范寺庄煤业"));
        byte[] foreign = sheet(gaoping.device(), new String[][]{
                {gaoping.device(), "IMP-" + gaoping.device() + "-1", "外县测点", "甲烷", "", "面", "", "", "", "", "", ""}});
        r = mvc.perform(multipart("/api/v1/monitoring/points/import").file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", foreign)).header("Authorization", "Bearer " + token)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(multipart("/api/v1/monitoring/points/import")
                .file(new MockMultipartFile("file", "p.xlsx", "application/octet-stream", "not a workbook".getBytes())).header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    private static byte[] sheet(String device, String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sh = wb.createSheet();
            Row h = sh.createRow(0);
            for (int i = 0; i < PointSheet.HEADERS.size(); i++) {
                h.createCell(i).setCellValue(PointSheet.HEADERS.get(i));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sh.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private int status(String token, String path) throws Exception {
        return mvc.perform(auth(get(path), token)).andReturn().getResponse().getStatus();
    }

    private String body(String token, String path) throws Exception {
        MvcResult r = mvc.perform(auth(get(path), token)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).session(session)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }
}
