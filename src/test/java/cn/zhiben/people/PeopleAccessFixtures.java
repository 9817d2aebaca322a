package cn.zhiben.people;

import cn.zhiben.identity.AccountDirectory;
import cn.zhiben.people.internal.CertificateService;
import cn.zhiben.people.internal.InstitutionService;
import cn.zhiben.people.internal.RegisterService;
import cn.zhiben.people.internal.RetrainingService;
import cn.zhiben.people.internal.TrainingService;
import cn.zhiben.platform.PlatformConfiguration;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.support.AccessFixture;
import cn.zhiben.support.SampleFiles;
import cn.zhiben.support.ScopeSamples;
import cn.zhiben.support.UnscopedAccessFixture;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Fixtures of the people rows of the access table: at an enterprise inside (or outside) the caller's scope, made by the
 * city office through the services, one person with an employment, a certificate, a training session of the enterprise
 * (with an evidence file) and a 三违 retraining case. No row changes them: writes are sent without a body and fail
 * validation after the rights and the scope were checked.
 */
final class PeopleAccessFixtures {

    private PeopleAccessFixtures() {
    }

    /** What is made at one enterprise, by value name. */
    static final class Objects {
        private static final Map<UUID, Map<String, String>> BY_ENTERPRISE = new HashMap<>();
        private static int sequence = 500;

        static synchronized Map<String, String> at(UUID enterpriseId, AccountDirectory accounts, RegisterService register,
                                                   CertificateService certificates, TrainingService training,
                                                   RetrainingService retraining, JdbcClient jdbc, Clock clock) {
            return BY_ENTERPRISE.computeIfAbsent(enterpriseId, e -> accounts.runAs("city", () -> {
                LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
                String region = jdbc.sql("select region_code from org_enterprise where id = :id").param("id", e)
                        .query(String.class).single();
                String idNumber = ResidentIdNumber.complete(region.substring(0, 6) + "19900101" + String.format("%03d", sequence++));
                CurrentUser city = CurrentUser.require();
                UUID employment = register.register(city, new RegisterService.NewPerson("访问表检查", idNumber, "13800000000", e,
                        List.of("SPECIAL_OPERATOR"), "OWN", "检查岗位", "GENERAL", "SO_ELECTRICAL", today.minusYears(1)));
                UUID person = register.personOfEmployment(city, employment);
                UUID certificate = certificates.add(city, new CertificateService.CertificateInput(person, "SO_ELECTRICAL", null,
                        "T" + idNumber, "访问表检查发证机关", today.minusYears(1), null, null, null));
                UUID session = training.create(city, new TrainingService.SessionInput(e, "访问表检查培训", List.of("LAWS"),
                        today.minusDays(3), null, BigDecimal.ONE, null, null, null, null,
                        List.of(new TrainingService.AttendeeInput(person, null, null))));
                UUID evidence = training.attach(city, session, "签到表.png", SampleFiles.png()).id();
                UUID violation = retraining.recordViolation(city, new RetrainingService.ViolationInput(employment, "OPERATION",
                        today.minusDays(1), "访问表检查"));
                Map<String, String> v = new HashMap<>();
                v.put("person", person.toString());
                v.put("employment", employment.toString());
                v.put("certificate", certificate.toString());
                v.put("training", session.toString());
                v.put("evidence", evidence.toString());
                v.put("retraining", violation.toString());
                return v;
            }));
        }
    }

    /**
     * One fixture per object kind: path variables ({id}, and {evidenceId} for the training's evidence) named after what
     * {@link Objects#at} made. The services come from the application context, so each kind is one line.
     */
    abstract static class Scoped implements AccessFixture {
        private final String name;
        private final Map<String, String> variables;
        private final JdbcClient jdbc;
        private final Function<UUID, Map<String, String>> make;

        Scoped(ApplicationContext context, String name, Map<String, String> variables) {
            this.name = name;
            this.variables = variables;
            this.jdbc = context.getBean(JdbcClient.class);
            AccountDirectory accounts = context.getBean(AccountDirectory.class);
            RegisterService register = context.getBean(RegisterService.class);
            CertificateService certificates = context.getBean(CertificateService.class);
            TrainingService training = context.getBean(TrainingService.class);
            RetrainingService retraining = context.getBean(RetrainingService.class);
            Clock clock = context.getBean(Clock.class);
            this.make = e -> Objects.at(e, accounts, register, certificates, training, retraining, jdbc, clock);
        }

        @Override
        public String name() {
            return name;
        }

        private Map<String, String> values(Map<String, String> made) {
            Map<String, String> v = new HashMap<>();
            variables.forEach((variable, kind) -> v.put(variable, made.get(kind)));
            return v;
        }

        @Override
        public Optional<Map<String, String>> inside(CurrentUser caller) {
            return ScopeSamples.enterpriseInside(jdbc, caller).map(make).map(this::values);
        }

        @Override
        public Optional<Map<String, String>> outside(CurrentUser caller) {
            return ScopeSamples.enterpriseOutside(jdbc, caller).map(make).map(this::values);
        }

        @Override
        public Map<String, String> any() {
            return values(make.apply(ScopeSamples.enterpriseOf(jdbc, "qiye")));
        }
    }

    static class Person extends Scoped {
        Person(ApplicationContext c) {
            super(c, "people-person", Map.of("id", "person"));
        }
    }

    static class Employment extends Scoped {
        Employment(ApplicationContext c) {
            super(c, "people-employment", Map.of("id", "employment"));
        }
    }

    static class Certificate extends Scoped {
        Certificate(ApplicationContext c) {
            super(c, "people-certificate", Map.of("id", "certificate"));
        }
    }

    static class Training extends Scoped {
        Training(ApplicationContext c) {
            super(c, "people-training", Map.of("id", "training", "evidenceId", "evidence"));
        }
    }

    static class Retraining extends Scoped {
        Retraining(ApplicationContext c) {
            super(c, "people-retraining", Map.of("id", "retraining"));
        }
    }

    /** Training institutions are city-wide reference data. */
    static class Institution extends UnscopedAccessFixture {
        private final AccountDirectory accounts;
        private final InstitutionService institutions;
        private Map<String, String> made;

        Institution(AccountDirectory accounts, InstitutionService institutions) {
            this.accounts = accounts;
            this.institutions = institutions;
        }

        public String name() {
            return "people-institution";
        }

        @Override
        public synchronized Map<String, String> any() {
            if (made == null) {
                UUID id = accounts.runAs("city", () -> institutions.create(CurrentUser.require(),
                        new InstitutionService.InstitutionInput("访问表检查培训机构 " + UUID.randomUUID().toString().substring(0, 8),
                                null, "140502", null, List.of("OTHER"), null)));
                made = Map.of("id", id.toString());
            }
            return made;
        }
    }
}
