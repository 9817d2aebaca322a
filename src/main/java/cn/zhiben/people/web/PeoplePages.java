package cn.zhiben.people.web;

import cn.zhiben.org.EnterpriseRoster;
import cn.zhiben.people.internal.CertificateService;
import cn.zhiben.people.internal.CoverageService;
import cn.zhiben.people.internal.DrillArea;
import cn.zhiben.people.internal.DrillKind;
import cn.zhiben.people.internal.DrillService;
import cn.zhiben.people.internal.EmploymentType;
import cn.zhiben.people.internal.FindingService;
import cn.zhiben.people.internal.PeopleRules;
import cn.zhiben.people.internal.PersonRole;
import cn.zhiben.people.internal.ReferenceData;
import cn.zhiben.people.internal.RegisterRepository;
import cn.zhiben.people.internal.RegisterService;
import cn.zhiben.people.internal.RetrainingService;
import cn.zhiben.people.internal.SessionMode;
import cn.zhiben.people.internal.TrainingService;
import cn.zhiben.people.internal.ViolationKind;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The people pages (Chinese, usable on a phone). Forms post here; a refused form comes back with the service's messages
 * (nothing stored). What a page offers is asked of PeopleRules, the module's one source of "who may".
 */
@Controller
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class PeoplePages {

    private final RegisterService register;
    private final CertificateService certificates;
    private final TrainingService training;
    private final DrillService drills;
    private final CoverageService coverage;
    private final FindingService findings;
    private final RetrainingService retraining;
    private final ReferenceData reference;
    private final EnterpriseRoster roster;
    private final cn.zhiben.people.internal.RegisterExport export;

    PeoplePages(RegisterService register, CertificateService certificates, TrainingService training, DrillService drills,
                CoverageService coverage, FindingService findings, RetrainingService retraining, ReferenceData reference,
                EnterpriseRoster roster, cn.zhiben.people.internal.RegisterExport export) {
        this.register = register;
        this.certificates = certificates;
        this.training = training;
        this.drills = drills;
        this.coverage = coverage;
        this.findings = findings;
        this.retraining = retraining;
        this.reference = reference;
        this.roster = roster;
        this.export = export;
    }

    private static CurrentUser user() {
        return CurrentUser.require();
    }

    /** Runs a form's action; a refusal goes back to the form with its messages. */
    private static String submit(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return "redirect:" + action.get();
        } catch (ProblemException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("problems", e.errors().stream().map(ProblemException.FieldProblem::message).toList());
            return "redirect:" + back;
        }
    }

    private void common(Model model) {
        CurrentUser u = user();
        model.addAttribute("keepsRecords", PeopleRules.keepsRecords(u));
        model.addAttribute("organises", PeopleRules.organisesTraining(u));
        model.addAttribute("government", PeopleRules.government(u));
    }

    private List<EnterpriseRoster.Member> enterprisesInScope() {
        return roster.members(user().scope(), null, null);
    }

    // ---------------------------------------------------------------- register

    @GetMapping("/people")
    String register(@RequestParam(required = false) String keyword, @RequestParam(required = false) String role,
                    @RequestParam(required = false) String employmentType, @RequestParam(required = false) UUID enterpriseId,
                    @RequestParam(defaultValue = "true") Boolean active, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        common(model);
        RegisterRepository.Criteria c = PeopleApiController.criteria(keyword, enterpriseId, null, role, employmentType, active, register);
        model.addAttribute("result", register.search(user(), c, Math.max(0, page), 50));
        model.addAttribute("keyword", keyword);
        model.addAttribute("role", role);
        model.addAttribute("employmentType", employmentType);
        model.addAttribute("active", active);
        model.addAttribute("roles", PersonRole.values());
        model.addAttribute("types", EmploymentType.values());
        return "people/register";
    }

    @GetMapping("/people/register.xlsx")
    void export(@RequestParam(required = false) String keyword, @RequestParam(required = false) String role,
                @RequestParam(required = false) String employmentType, @RequestParam(defaultValue = "true") Boolean active,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        PeopleApiController.writeXlsx(response, user(),
                PeopleApiController.criteria(keyword, null, null, role, employmentType, active, register), export);
    }

    @GetMapping("/people/new")
    String newPerson(Model model) {
        common(model);
        CurrentUser u = user();
        if (!PeopleRules.keepsRecords(u)) {
            throw ProblemException.forbidden("PEOPLE_WRITE_FORBIDDEN", "当前账号不能登记人员");
        }
        model.addAttribute("ownEnterprise", u.scope().enterpriseId() != null);
        model.addAttribute("enterprises", u.scope().enterpriseId() != null ? List.of() : enterprisesInScope());
        model.addAttribute("roles", PersonRole.values());
        model.addAttribute("types", EmploymentType.values());
        model.addAttribute("postKinds", reference.postKinds());
        model.addAttribute("operationTypes", reference.certificateTypes().stream().filter(ReferenceData.CertificateType::specialOperation).toList());
        model.addAttribute("today", register.today());
        return "people/person-form";
    }

    @PostMapping("/people/new")
    String createPerson(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String name,
                        @RequestParam(required = false) String idNumber, @RequestParam(required = false) String mobile,
                        @RequestParam(required = false) List<String> roles, @RequestParam(required = false) String employmentType,
                        @RequestParam(required = false) String post, @RequestParam(required = false) String postKind,
                        @RequestParam(required = false) String operationType,
                        @RequestParam(required = false) LocalDate startedOn, RedirectAttributes flash) {
        return submit(flash, "/people/new", () -> {
            UUID id = register.register(user(), new RegisterService.NewPerson(name, idNumber, mobile, enterpriseId, roles,
                    employmentType, post, postKind, operationType, startedOn));
            flash.addFlashAttribute("success", "已登记");
            return "/people/employments/" + id;
        });
    }

    /** The employment's person (the register form answers with the employment id). */
    @GetMapping("/people/employments/{id}")
    String employment(@PathVariable UUID id) {
        return "redirect:/people/persons/" + register.personOfEmployment(user(), id);
    }

    @GetMapping("/people/persons/{id}")
    String person(@PathVariable UUID id, Model model) {
        common(model);
        RegisterService.PersonView p = register.person(user(), id);
        model.addAttribute("person", p);
        model.addAttribute("certificates", certificates.ofPerson(p.id(), p.name(), p.idNumber()));
        model.addAttribute("certificateTypes", reference.certificateTypes());
        model.addAttribute("violationKinds", ViolationKind.values());
        model.addAttribute("today", register.today());
        return "people/person";
    }

    @PostMapping("/people/persons/{id}/certificates")
    String addCertificate(@PathVariable UUID id, @RequestParam(required = false) String typeCode,
                          @RequestParam(required = false) String operationItem, @RequestParam(required = false) String number,
                          @RequestParam(required = false) String issuer, @RequestParam(required = false) LocalDate issuedOn,
                          @RequestParam(required = false) LocalDate validUntil,
                          @RequestParam(required = false) LocalDate nextReviewOn,
                          @RequestParam(required = false) LocalDate nationalRegisteredOn, RedirectAttributes flash) {
        return submit(flash, "/people/persons/" + id, () -> {
            certificates.add(user(), new CertificateService.CertificateInput(id, typeCode, operationItem, number, issuer,
                    issuedOn, validUntil, nextReviewOn, nationalRegisteredOn));
            flash.addFlashAttribute("success", "证书已登记");
            return "/people/persons/" + id;
        });
    }

    // ---------------------------------------------------------------- certificates

    @GetMapping("/people/certificates")
    String certificates(@RequestParam(required = false) String type, @RequestParam(defaultValue = "ATTENTION") String filter,
                        Model model) {
        common(model);
        CertificateService.Filter f = CertificateService.Filter.parse(filter);
        model.addAttribute("items", certificates.list(user(), type, f));
        model.addAttribute("types", reference.certificateTypes());
        model.addAttribute("type", type);
        model.addAttribute("filter", f.name());
        return "people/certificates";
    }

    @GetMapping("/people/certificates/{id}")
    String certificate(@PathVariable UUID id, Model model) {
        common(model);
        model.addAttribute("detail", certificates.detail(user(), id));
        model.addAttribute("today", register.today());
        return "people/certificate";
    }

    @PostMapping("/people/certificates/{id}/reviews")
    String review(@PathVariable UUID id, @RequestParam(required = false) LocalDate reviewedOn,
                  @RequestParam(required = false) LocalDate nextReviewOn, @RequestParam(required = false) LocalDate validUntil,
                  @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                  RedirectAttributes flash) {
        return submit(flash, "/people/certificates/" + id, () -> {
            certificates.recordReview(user(), id, new CertificateService.ReviewInput(reviewedOn, nextReviewOn, validUntil, note, version));
            flash.addFlashAttribute("success", "已记录复审");
            return "/people/certificates/" + id;
        });
    }

    @PostMapping("/people/certificates/{id}/national-registration")
    String registerNationally(@PathVariable UUID id, @RequestParam(required = false) LocalDate registeredOn,
                              @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return submit(flash, "/people/certificates/" + id, () -> {
            certificates.registerNationally(user(), id, new CertificateService.RegistrationInput(registeredOn, version));
            flash.addFlashAttribute("success", "已登记入网");
            return "/people/certificates/" + id;
        });
    }

    /** The officer's check in the field: type the number on the card, see whether it is valid. */
    @GetMapping("/people/check")
    String check(@RequestParam(required = false) String number, Model model) {
        common(model);
        model.addAttribute("number", number);
        if (number != null && !number.isBlank()) {
            try {
                model.addAttribute("results", certificates.checkByNumber(user(), number));
            } catch (ProblemException e) {
                if (e.status().value() != 400) {
                    throw e;
                }
                model.addAttribute("error", e.getMessage());
            }
        }
        return "people/check";
    }

    // ---------------------------------------------------------------- training

    @GetMapping("/people/trainings")
    String trainings(@RequestParam(required = false) Integer year, Model model) {
        common(model);
        CurrentUser u = user();
        int y = year != null ? year : register.today().getYear();
        model.addAttribute("year", y);
        model.addAttribute("items", training.list(u, y, null));
        model.addAttribute("topics", reference.topics());
        model.addAttribute("modes", SessionMode.values());
        model.addAttribute("today", register.today());
        boolean canRecord = PeopleRules.keepsRecords(u) || PeopleRules.organisesTraining(u);
        model.addAttribute("canRecord", canRecord);
        model.addAttribute("ownEnterprise", u.scope().enterpriseId() != null);
        model.addAttribute("people", canRecord
                ? register.search(u, new RegisterRepository.Criteria(null, null, null, null, null, true, register.today()), 0,
                RegisterService.MAX_PAGE_SIZE).items() : List.of());
        return "people/trainings";
    }

    @PostMapping("/people/trainings")
    String createTraining(@RequestParam(required = false) String title, @RequestParam(required = false) List<String> topics,
                          @RequestParam(required = false) LocalDate startsOn, @RequestParam(required = false) LocalDate endsOn,
                          @RequestParam(required = false) BigDecimal days, @RequestParam(required = false) BigDecimal hours,
                          @RequestParam(required = false) String mode, @RequestParam(required = false) String location,
                          @RequestParam(required = false) List<UUID> attendees, RedirectAttributes flash) {
        return submit(flash, "/people/trainings", () -> {
            List<TrainingService.AttendeeInput> list = new ArrayList<>();
            if (attendees != null) {
                attendees.forEach(a -> list.add(new TrainingService.AttendeeInput(a, null, null)));
            }
            UUID id = training.create(user(), new TrainingService.SessionInput(null, title, topics, startsOn, endsOn, days,
                    hours, mode, location, null, list));
            flash.addFlashAttribute("success", "培训已登记");
            return "/people/trainings/" + id;
        });
    }

    @GetMapping("/people/trainings/{id}")
    String trainingDetail(@PathVariable UUID id, Model model) {
        common(model);
        model.addAttribute("detail", training.detail(user(), id));
        return "people/training";
    }

    // ---------------------------------------------------------------- drills

    @GetMapping("/people/drills")
    String drills(@RequestParam(required = false) Integer year, Model model) {
        common(model);
        CurrentUser u = user();
        int y = year != null ? year : register.today().getYear();
        model.addAttribute("year", y);
        model.addAttribute("items", drills.list(u, y, null));
        model.addAttribute("status", drills.status(u, register.today()));
        model.addAttribute("kinds", DrillKind.values());
        model.addAttribute("areas", DrillArea.values());
        model.addAttribute("today", register.today());
        model.addAttribute("ownEnterprise", u.scope().enterpriseId() != null);
        model.addAttribute("enterprises", u.scope().enterpriseId() != null || !PeopleRules.keepsRecords(u) ? List.of() : enterprisesInScope());
        return "people/drills";
    }

    @PostMapping("/people/drills")
    String recordDrill(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) LocalDate heldOn,
                       @RequestParam(required = false) String kind, @RequestParam(required = false) List<String> areas,
                       @RequestParam(required = false) String scenario, @RequestParam(required = false) Integer participants,
                       @RequestParam(required = false) String evaluation, RedirectAttributes flash) {
        return submit(flash, "/people/drills", () -> {
            drills.record(user(), new DrillService.DrillInput(enterpriseId, heldOn, kind, areas, scenario, participants, evaluation));
            flash.addFlashAttribute("success", "演练已登记");
            return "/people/drills";
        });
    }

    // ---------------------------------------------------------------- coverage, findings

    @GetMapping("/people/coverage")
    String coverage(@RequestParam(required = false) Integer year, Model model) {
        common(model);
        List<Integer> years = reference.targets().stream().map(ReferenceData.Target::year).distinct().sorted().toList();
        int y = year != null ? year : register.today().getYear();
        model.addAttribute("year", y);
        model.addAttribute("years", years);
        model.addAttribute("items", coverage.coverage(user(), y));
        return "people/coverage";
    }

    @GetMapping("/people/findings")
    String findings(Model model) {
        common(model);
        model.addAttribute("items", findings.findings(user()));
        return "people/findings";
    }

    // ---------------------------------------------------------------- 三违 and retraining

    @GetMapping("/people/retraining")
    String retrainingList(Model model) {
        common(model);
        model.addAttribute("items", retraining.list(user()));
        return "people/retraining";
    }

    @PostMapping("/people/retraining")
    String recordViolation(@RequestParam(required = false) UUID employmentId, @RequestParam(required = false) UUID personId,
                           @RequestParam(required = false) String violationKind, @RequestParam(required = false) LocalDate occurredOn,
                           @RequestParam(required = false) String description, RedirectAttributes flash) {
        String back = personId != null ? "/people/persons/" + personId : "/people/retraining";
        return submit(flash, back, () -> {
            UUID id = retraining.recordViolation(user(), new RetrainingService.ViolationInput(employmentId, violationKind,
                    occurredOn, description));
            flash.addFlashAttribute("success", "已登记“三违”，该人员离岗脱产培训");
            return "/people/retraining/" + id;
        });
    }

    @GetMapping("/people/retraining/{id}")
    String retrainingCase(@PathVariable UUID id, Model model) {
        common(model);
        model.addAttribute("item", retraining.detail(user(), id));
        model.addAttribute("today", register.today());
        return "people/retraining-case";
    }

    @PostMapping("/people/retraining/{id}/actions")
    String retrainingAction(@PathVariable UUID id, @RequestParam(required = false) String action,
                            @RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) Integer score,
                            @RequestParam(required = false) LocalDate returnedOn, @RequestParam(required = false) String note,
                            @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        return submit(flash, "/people/retraining/" + id, () -> {
            retraining.act(user(), id, new RetrainingService.ActionInput(action, hours, score, returnedOn, note, version));
            flash.addFlashAttribute("success", "已保存");
            return "/people/retraining/" + id;
        });
    }

}
