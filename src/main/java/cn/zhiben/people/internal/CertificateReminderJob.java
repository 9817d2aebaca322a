package cn.zhiben.people.internal;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.notifications.Notifier;
import cn.zhiben.org.EnterpriseDirectory;
import cn.zhiben.people.PeopleEvents;
import cn.zhiben.people.PeopleProperties;
import cn.zhiben.platform.jobs.ClusterJob;
import cn.zhiben.platform.jobs.JobRun;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The daily certificate job (docs/architecture.md "Scheduled jobs", decision 0011): reminds the holder's enterprises
 * 60, 30 and 7 days before a certificate's review or expiry date (issue 16; 30号令 Art. 22: the 复审 application is due
 * within the 60 days before the review date [P]); on the day after a missed deadline tells the enterprises the
 * certificate is no longer valid, publishes {@link PeopleEvents.CertificateExpired}, and, if the holder is still on duty
 * in a post that needs it, tells the supervising departments (a finding, listed on /people/findings). Each notice is
 * sent once: a row in ppl_certificate_notice per (certificate, deadline, stage), written in the same transaction as the
 * inbox messages (Notifier is idempotent by source key as well), one transaction per certificate.
 */
@Component
class CertificateReminderJob implements ClusterJob {

    static final String NAME = "people.certificate-reminders";

    private final CertificateRepository certificates;
    private final RegisterRepository register;
    private final ReferenceData reference;
    private final DutyCheck duties;
    private final Notifier notifier;
    private final AccountDirectory accounts;
    private final EnterpriseDirectory enterprises;
    private final ApplicationEventPublisher events;
    private final PeopleProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    CertificateReminderJob(CertificateRepository certificates, RegisterRepository register, ReferenceData reference,
                           DutyCheck duties, Notifier notifier, AccountDirectory accounts, EnterpriseDirectory enterprises,
                           ApplicationEventPublisher events, PeopleProperties properties, JdbcClient jdbc,
                           TransactionTemplate tx, java.time.Clock clock) {
        this.certificates = certificates;
        this.register = register;
        this.reference = reference;
        this.duties = duties;
        this.notifier = notifier;
        this.accounts = accounts;
        this.enterprises = enterprises;
        this.events = events;
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String cron() {
        return properties.jobCron();
    }

    @Override
    public String run(JobRun run) {
        return runFor(run.businessDate());
    }

    /** The work of one day (tests call it with a moved clock). */
    String runFor(LocalDate today) {
        int longest = properties.reminderDays().stream().max(Integer::compare).orElse(60);
        int reminders = 0;
        int expiries = 0;
        for (CertificateRepository.CertificateRow c : certificates.dueBy(today.plusDays(longest))) {
            Integer sent = tx.execute(s -> handle(c.id(), today));
            if (sent != null && sent > 0) {
                reminders++;
            } else if (sent != null && sent < 0) {
                expiries++;
            }
        }
        return reminders + " reminders, " + expiries + " expiries";
    }

    /** @return 1 a reminder was sent, -1 an expiry was announced, 0 nothing to do */
    private int handle(UUID certificateId, LocalDate today) {
        CertificateRepository.CertificateRow c = jdbc.sql("select * from ppl_certificate where id = :id for update")
                .param("id", certificateId).query(CertificateRepository::map).optional().orElse(null);
        if (c == null || c.revokedOn() != null) {
            return 0;
        }
        Optional<LocalDate> deadline = CertificatePolicy.deadline(c.dates());
        if (deadline.isEmpty()) {
            return 0;
        }
        LocalDate d = deadline.get();
        String kind = CertificatePolicy.deadlineKind(c.dates());
        ReferenceData.CertificateType type = reference.certificateType(c.typeCode()).orElseThrow();
        RegisterRepository.PersonRow person = register.person(c.personId()).orElseThrow();
        List<RegisterRepository.EmploymentRow> jobs = register.employmentsOf(c.personId()).stream()
                .filter(e -> e.activeOn(today)).toList();
        if (!d.isBefore(today)) {
            Optional<Integer> stage = CertificatePolicy.reminderStage(d, today, properties.reminderDays());
            if (stage.isEmpty() || !claim(c.id(), d, "D" + stage.get())) {
                return 0;
            }
            long left = ChronoUnit.DAYS.between(today, d);
            String title = type.name() + "将于 " + d + " " + ("复审".equals(kind) ? "到复审期" : "到期");
            String body = person.name() + " 的" + type.name() + "（编号 " + c.numberMask() + "）" + kind + "日期为 " + d
                    + "，还有 " + left + " 天。" + ("复审".equals(kind)
                    ? "请在复审日期前 60 日内向发证机关申请复审（特种作业人员安全技术培训考核管理规定第二十二条）。"
                    : "请及时办理延期或换证。");
            String key = "people:certificate:" + c.id() + ":" + d + ":D" + stage.get();
            for (RegisterRepository.EmploymentRow e : jobs) {
                notifier.inbox(accounts.enterpriseAccounts(e.enterpriseId()), "人员", title, body,
                        "/people/certificates/" + c.id(), key);
                enterprises.contactsForNotification(e.enterpriseId()).ifPresent(ct -> notifier.sms(ct.principalMobile(),
                        "主要负责人 " + ct.principalName(), "【治本】" + e.enterpriseName() + "：" + PeopleMasks.name(person.name())
                                + "的" + type.name() + "将于" + d + kind + "，请及时办理。", key));
            }
            return 1;
        }
        if (!claim(c.id(), d, "EXPIRED")) {
            return 0;
        }
        Map<UUID, DutyCheck.Status> status = duties.of(jobs, today);
        List<RegisterRepository.EmploymentRow> onDutyNeeding = new ArrayList<>();
        for (RegisterRepository.EmploymentRow e : jobs) {
            DutyCheck.Status s = status.get(e.id());
            if (s != null && s.onDuty() && !s.gaps().isEmpty() && s.gaps().stream()
                    .anyMatch(g -> g.requirement().matches(c.typeCode(), type.category()))) {
                onDutyNeeding.add(e);
            }
        }
        String what = "复审".equals(kind) ? "逾期未复审，已失效" : "已过有效期";
        String key = "people:certificate:" + c.id() + ":" + d + ":EXPIRED";
        for (RegisterRepository.EmploymentRow e : jobs) {
            notifier.inbox(accounts.enterpriseAccounts(e.enterpriseId()), "人员", type.name() + what,
                    person.name() + " 的" + type.name() + "（编号 " + c.numberMask() + "）" + kind + "日期 " + d + " " + what
                            + "。持证上岗岗位须立即调离，取得有效证书后方可上岗。",
                    "/people/certificates/" + c.id(), key);
        }
        for (RegisterRepository.EmploymentRow e : onDutyNeeding) {
            Set<UUID> supervisors = new LinkedHashSet<>(accounts.supervisorAccounts(e.regionCode(), e.industryCode()));
            notifier.inbox(supervisors, "人员", "无有效证书在岗：" + e.enterpriseName(),
                    e.enterpriseName() + " 的" + PeopleMasks.name(person.name()) + "（" + type.name() + "）证书" + what
                            + "，仍在岗。", "/people/findings", key + ":" + e.id());
        }
        events.publishEvent(new PeopleEvents.CertificateExpired(c.id(), c.personId(), c.typeCode(), d,
                jobs.stream().map(RegisterRepository.EmploymentRow::enterpriseId).distinct().toList(),
                !onDutyNeeding.isEmpty(), clock.instant()));
        return -1;
    }

    /** True once per (certificate, deadline, stage). */
    private boolean claim(UUID certificateId, LocalDate deadline, String stage) {
        return jdbc.sql("""
                        insert into ppl_certificate_notice (certificate_id, deadline, stage, sent_at) values (:c, :d, :s, :at)
                        on conflict do nothing""")
                .param("c", certificateId).param("d", deadline).param("s", stage)
                .param("at", Timestamp.from(clock.instant())).update() == 1;
    }

}
