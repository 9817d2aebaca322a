package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditEntry;
import cn.zhiben.org.EnterpriseTestSupport;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.jobs.ClusterLocks;
import cn.zhiben.platform.security.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances (issue 9 part 7): an enterprise import whose instance stopped is run again by another instance,
 * from its kept upload; one still held by a running instance is left alone; the upload is deleted when the job ends.
 */
class EnterpriseImportTakeoverIntegrationTests extends EnterpriseTestSupport {

    @Autowired
    EnterpriseImportService imports;
    @Autowired
    EnterpriseImportJobRepository jobs;
    @Autowired
    FieldEncryptor crypto;
    @Autowired
    ClusterLocks locks;

    @Test
    void anImportLeftByAStoppedInstanceIsRunAgainElsewhereAndItsUploadIsThenDeleted() throws Exception {
        String tag = "接管" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = workbook(HEADER, List.of(
                row(tag + "一厂", newUscc("140525"), "泽州县南村镇", "机械"),
                row(tag + "二厂", newUscc("140525"), "泽州县南村镇", "机械")));
        UUID city = jdbc.sql("select id from idn_user where username = 'city'").query(UUID.class).single();
        UUID id = UUID.randomUUID();
        // as an instance that stopped while validating leaves it: the job, its encrypted upload, and no lock held
        jobs.insert(id, city, "city", "企业.xlsx", EnterpriseImportJob.Mode.ALL_OR_NOTHING, 2, clock.instant(),
                crypto.encryptBytes(file), DataScope.city(), new AuditEntry.Actor(city, "city", "CITY_OFFICE", "127.0.0.1"));
        jobs.start(id, EnterpriseImportJob.Status.VALIDATING, clock.instant());

        // while another instance holds the job's lock, it is running there: not taken over
        try (ClusterLocks.Lease running = locks.tryAcquire(EnterpriseImportService.lockName(id)).orElseThrow()) {
            imports.resumeOrphans();
            assertThat(status(id)).isEqualTo("VALIDATING");
            assertThat(locks.tryAcquire(EnterpriseImportService.lockName(id))).as("one holder at a time").isEmpty();
        }

        imports.resumeOrphans();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!status(id).equals("COMPLETED")) {
            assertThat(System.nanoTime()).as("job " + id + " status " + status(id)).isLessThan(until);
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("select count(*) from org_enterprise where name like :p").param("p", tag + "%").query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select upload is null from org_import_job where id = :id").param("id", id).query(Boolean.class).single())
                .as("the upload is deleted when the job ends").isTrue();
        // and its lock is free again: nothing of it is left running
        locks.tryAcquire(EnterpriseImportService.lockName(id)).orElseThrow().close();
    }

    @Test
    void anUploadIsKeptEncryptedWhileItsJobRuns() {
        byte[] plain = "企业名称,统一社会信用代码".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] stored = crypto.encryptBytes(plain);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("企业");
        assertThat(crypto.decryptBytes(stored)).isEqualTo(plain);
    }

    private String status(UUID id) {
        return jdbc.sql("select status from org_import_job where id = :id").param("id", id).query(String.class).single();
    }
}
