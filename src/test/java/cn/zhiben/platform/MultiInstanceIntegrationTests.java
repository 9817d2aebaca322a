package cn.zhiben.platform;

import cn.zhiben.ZhibenApplication;
import cn.zhiben.identity.internal.ScopeGeneration;
import cn.zhiben.org.IndustrySupervisionChanged;
import cn.zhiben.platform.jobs.JobScheduler;
import cn.zhiben.support.IntegrationTest;
import cn.zhiben.support.MutableClock;
import cn.zhiben.support.TestConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database (issue 9 part 7). The shared test context is instance A; instance B is a second
 * application context started here against the same database, as a second server behind a load balancer would be
 * (this class is the one place a second context is made; it is closed at the end).
 */
class MultiInstanceIntegrationTests extends IntegrationTest {

    /** An occurrence long past, for the firing test: 2026-11-21 00:05 Asia/Shanghai. */
    private static final Instant OLD_NIGHT = Instant.parse("2026-11-20T16:05:00Z");
    private static ConfigurableApplicationContext b;

    @Autowired
    DataSource dataSource;
    @Autowired
    JobScheduler jobsA;
    @Autowired
    ScopeGeneration scopesA;
    @Autowired
    ApplicationContext contextA;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void instanceB() throws java.io.IOException {
        if (b != null) {
            return;
        }
        // a nightly job that has been known for days and never ran: missed while "the platform was down"
        jdbc.sql("""
                        insert into platform_job (name, cron, registered_at) values ('hazards.overdue', '0 5 0 * * *', :at)
                        on conflict (name) do update set registered_at = excluded.registered_at""")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(5)))).update();
        jdbc.sql("delete from platform_job_run where job = 'hazards.overdue'").update();

        HikariDataSource a = (HikariDataSource) dataSource;
        java.nio.file.Path bFiles = java.nio.file.Files.createTempDirectory("zhiben-instance-b-");
        b = new SpringApplicationBuilder(ZhibenApplication.class, TestConfig.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + a.getJdbcUrl(),
                "--spring.datasource.username=" + a.getUsername(),
                "--spring.datasource.password=" + a.getPassword(),
                "--zhiben.demo=true",
                "--zhiben.demo-on-external-database=true",
                "--zhiben.hazards.demo-data=false",
                // as A (IntegrationTest): no demo inspections or campaign, MQTT on a free port, no simulator
                "--zhiben.inspections.demo-data=false",
                "--zhiben.campaign.demo-data=false",
                "--zhiben.monitoring.mqtt.port=0",
                "--zhiben.monitoring.simulator.enabled=false",
                "--zhiben.crypto.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                // the same audit and tip-off keys as A (one chain, one seal), files of its own outside the checkout
                "--zhiben.audit.key=" + cn.zhiben.support.TestKeys.AUDIT,
                "--zhiben.audit.checkpoint-file=" + bFiles.resolve("audit-checkpoints.log"),
                "--zhiben.tipoffs.identity-key=" + cn.zhiben.support.TestKeys.TIPOFF,
                "--zhiben.tipoffs.storage-dir=" + bFiles.resolve("tipoff-files"),
                "--zhiben.hazards.storage-dir=" + bFiles.resolve("files"),
                "--zhiben.campaign.storage-dir=" + bFiles.resolve("campaign-files"),
                "--zhiben.crypto.key-file=" + bFiles.resolve("keys/field.key"),
                "--logging.level.cn.zhiben=warn",
                // as outside demo mode: the API description needs a login (A, in demo mode, serves it openly)
                "--zhiben.web.api-docs-public=false");
        // B's start-up catch-up and A's at the same moment: still one run
        jobsA.catchUp();
    }

    @AfterAll
    static void stopInstanceB() {
        if (b != null) {
            b.close();
            b = null;
        }
    }

    @Test
    void aUserLoggedInOnOneInstanceContinuesOnTheOtherAndLogsOutOnBoth() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String onA = "http://localhost:" + port;
        String onB = "http://localhost:" + ((WebServerApplicationContext) b).getWebServer().getPort();

        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(onA + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(onA + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=city&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf(loginPage, "name=\"_csrf\" value=\"([^\"]+)\""))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        // the next request goes to the other instance: same session, same user
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(onB + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<span class=\"user-name\">市安委办 值班员</span>");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'city'").query(Long.class).single())
                .isPositive();

        // logging out on B ends the session on A too
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(onB + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(home.body(), "name=\"_csrf\" content=\"([^\"]+)\""))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(onA + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aNightlyJobMissedWhileDownRunsOnceAtTheNextStartWhateverTheNumberOfInstancesAndMissedNights() throws Exception {
        JobScheduler jobsB = b.getBean(JobScheduler.class);
        assertThat(jobsB.jobNames()).contains("hazards.overdue", "platform.housekeeping", "platform.event-resubmission",
                "org.import-recovery");
        // B's catch-up runs off its start-up thread: wait for its outcome
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.sql("select count(*) from platform_job_run where job = 'hazards.overdue' and status <> 'RUNNING' and occurrence <> :old")
                .param("old", Timestamp.from(OLD_NIGHT)).query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("the missed occurrence ran").isLessThan(until);
            Thread.sleep(100);
        }
        List<java.util.Map<String, Object>> runs = jdbc.sql("select * from platform_job_run where job = 'hazards.overdue' and occurrence <> :old")
                .param("old", Timestamp.from(OLD_NIGHT)).query().listOfRows();
        assertThat(runs).as("five missed nights, one run").hasSize(1);
        assertThat(runs.get(0)).containsEntry("status", "DONE").containsEntry("attempts", 1);
        Instant occurrence = ((Timestamp) runs.get(0).get("occurrence")).toInstant();
        assertThat(occurrence).isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofDays(1)));
        // a later catch-up on either instance finds it done
        assertThat(jobsA.catchUp() + jobsB.catchUp()).isZero();
    }

    @Test
    void aNightlyOccurrenceFiredOnBothInstancesAtOnceRunsOnOneOnly() throws Exception {
        JobScheduler jobsB = b.getBean(JobScheduler.class);
        Instant occurrence = OLD_NIGHT;
        jdbc.sql("delete from platform_job_run where job = 'hazards.overdue' and occurrence = :o")
                .param("o", Timestamp.from(occurrence)).update();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Boolean>> firings = List.of(
                    () -> {
                        start.await();
                        return jobsA.runOccurrence("hazards.overdue", occurrence);
                    },
                    () -> {
                        start.await();
                        return jobsB.runOccurrence("hazards.overdue", occurrence);
                    },
                    () -> {
                        start.await();
                        return jobsA.runOccurrence("hazards.overdue", occurrence);
                    },
                    () -> {
                        start.await();
                        return jobsB.runOccurrence("hazards.overdue", occurrence);
                    });
            List<Future<Boolean>> results = firings.stream().map(pool::submit).toList();
            start.countDown();
            int ran = 0;
            for (Future<Boolean> f : results) {
                ran += f.get() ? 1 : 0;
            }
            assertThat(ran).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select attempts from platform_job_run where job = 'hazards.overdue' and occurrence = :o")
                .param("o", Timestamp.from(occurrence)).query(Integer.class).single()).isEqualTo(1);
        // and again later: done is done
        assertThat(jobsB.runOccurrence("hazards.overdue", occurrence)).isFalse();
    }

    @Test
    void aScopeChangeCommittedOnOneInstanceIsSeenByTheOther() {
        ScopeGeneration scopesB = b.getBean(ScopeGeneration.class);
        long before = scopesB.current();
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                contextA.publishEvent(new IndustrySupervisionChanged("postal")));
        assertThat(scopesA.current()).isEqualTo(before + 1);
        assertThat(scopesB.current()).as("B rebuilds its sessions' principals").isEqualTo(before + 1);
    }

    @Test
    void theApiDescriptionNeedsALoginWhereItIsNotPublic() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String onA = "http://localhost:" + port;
        String onB = "http://localhost:" + ((WebServerApplicationContext) b).getWebServer().getPort();
        for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
            HttpResponse<String> anonymous = browser.send(HttpRequest.newBuilder(URI.create(onB + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(onA + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("demo mode: public").isEqualTo(200);

        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(onB + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browser.send(HttpRequest.newBuilder(URI.create(onB + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=city&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf(loginPage, "name=\"_csrf\" value=\"([^\"]+)\""))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> docs = browser.send(HttpRequest.newBuilder(URI.create(onB + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("/api/v1/hazards");
    }

    @Test
    void bothInstancesUseTheirOwnClockButOneDatabase() {
        assertThat(b.getBean(MutableClock.class)).isNotSameAs(clock);
        assertThat(b.getBean(DataSource.class)).isNotSameAs(dataSource);
        assertThat(b.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select current_database()").query(String.class).single())
                .isEqualTo(jdbc.sql("select current_database()").query(String.class).single());
    }

    private static String csrf(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as("CSRF token in the page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
}
