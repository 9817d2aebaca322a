package cn.zhiben.people.web;

import cn.zhiben.people.internal.CertificateService;
import cn.zhiben.people.internal.CoverageService;
import cn.zhiben.people.internal.DrillService;
import cn.zhiben.people.internal.EmploymentType;
import cn.zhiben.people.internal.EvidenceStore;
import cn.zhiben.people.internal.FindingService;
import cn.zhiben.people.internal.InstitutionService;
import cn.zhiben.people.internal.Labels;
import cn.zhiben.people.internal.PersonRole;
import cn.zhiben.people.internal.ReferenceData;
import cn.zhiben.people.internal.RegisterExport;
import cn.zhiben.people.internal.RegisterRepository;
import cn.zhiben.people.internal.RegisterService;
import cn.zhiben.people.internal.RetrainingService;
import cn.zhiben.people.internal.TrainingService;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * /api/v1/people: the register, certificates, training, drills, coverage and findings. Who may do what is
 * {@code PeopleRules}' (asked by the services before they read a request); data scope is applied in the queries, and an
 * object outside it answers 404 like a missing one. Personal numbers are masked everywhere except {@code /identity}.
 */
@Tag(name = "人员与培训", description = "人员名册、持证、培训、演练、覆盖率（治本攻坚行动四、五）")
@RestController
@RequestMapping("/api/v1/people")
@PreAuthorize("hasAuthority('PERM_BUSINESS_READ')")
class PeopleApiController {

    private final RegisterService register;
    private final CertificateService certificates;
    private final TrainingService training;
    private final DrillService drills;
    private final CoverageService coverage;
    private final FindingService findings;
    private final InstitutionService institutions;
    private final ReferenceData reference;
    private final RetrainingService retraining;
    private final RegisterExport export;

    PeopleApiController(RegisterService register, CertificateService certificates, TrainingService training,
                        DrillService drills, CoverageService coverage, FindingService findings,
                        InstitutionService institutions, ReferenceData reference,
                        RetrainingService retraining, RegisterExport export) {
        this.register = register;
        this.certificates = certificates;
        this.training = training;
        this.drills = drills;
        this.coverage = coverage;
        this.findings = findings;
        this.institutions = institutions;
        this.reference = reference;
        this.retraining = retraining;
        this.export = export;
    }

    private static CurrentUser user() {
        return CurrentUser.require();
    }

    record Created(UUID id) {
    }

    // ---------------------------------------------------------------- reference data

    record Reference(List<ReferenceData.CertificateType> certificateTypes, List<ReferenceData.PostKind> postKinds,
                     List<ReferenceData.Topic> topics, List<ReferenceData.Target> targets,
                     List<RegisterService.Option> roles, List<RegisterService.Option> employmentTypes) {
    }

    @Operation(summary = "证书类别、岗位类别、培训内容、培训目标（含依据与可信度）")
    @GetMapping("/reference")
    Reference reference() {
        return new Reference(reference.certificateTypes(), reference.postKinds(), reference.topics(), reference.targets(),
                java.util.Arrays.stream(PersonRole.values()).map(r -> new RegisterService.Option(r.name(), r.label())).toList(),
                java.util.Arrays.stream(EmploymentType.values()).map(r -> new RegisterService.Option(r.name(), r.label())).toList());
    }

    // ---------------------------------------------------------------- register

    @Operation(summary = "人员名册（身份证号、手机号脱敏）")
    @GetMapping("/register")
    RegisterService.Page<RegisterService.EntryView> search(@RequestParam(required = false) String keyword,
                                                          @RequestParam(required = false) UUID enterpriseId,
                                                          @RequestParam(required = false) String region,
                                                          @RequestParam(required = false) String role,
                                                          @RequestParam(required = false) String employmentType,
                                                          @RequestParam(required = false) Boolean active,
                                                          @RequestParam(defaultValue = "0") int page,
                                                          @RequestParam(defaultValue = "50") int size) {
        CurrentUser u = user();
        return register.search(u, criteria(keyword, enterpriseId, region, role, employmentType, active, register), page, size);
    }

    @Operation(summary = "导出人员名册 .xlsx（身份证号、手机号脱敏）")
    @GetMapping("/register.xlsx")
    void export(@RequestParam(required = false) String keyword, @RequestParam(required = false) UUID enterpriseId,
                @RequestParam(required = false) String region, @RequestParam(required = false) String role,
                @RequestParam(required = false) String employmentType, @RequestParam(required = false) Boolean active,
                jakarta.servlet.http.HttpServletResponse response) throws IOException {
        CurrentUser u = user();
        RegisterRepository.Criteria c = criteria(keyword, enterpriseId, region, role, employmentType, active, register);
        writeXlsx(response, u, c, export);
    }

    static void writeXlsx(jakarta.servlet.http.HttpServletResponse response, CurrentUser u, RegisterRepository.Criteria c,
                          RegisterExport export) throws IOException {
        if (!cn.zhiben.people.internal.PeopleRules.reads(u)) {
            throw ProblemException.forbidden("PEOPLE_READ_FORBIDDEN", "当前账号不能查看人员信息");
        }
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("人员名册-" + c.today() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        export.export(u, c, response.getOutputStream());
    }

    static RegisterRepository.Criteria criteria(String keyword, UUID enterpriseId, String region, String role, String type,
                                                Boolean active, RegisterService register) {
        PersonRole r = role == null || role.isBlank() ? null : Labels.parse(PersonRole.class, role)
                .orElseThrow(() -> ProblemException.badRequest("INVALID_PARAMETER", "人员类别“" + role + "”无效"));
        EmploymentType t = type == null || type.isBlank() ? null : Labels.parse(EmploymentType.class, type)
                .orElseThrow(() -> ProblemException.badRequest("INVALID_PARAMETER", "用工形式“" + type + "”无效"));
        if (keyword != null && keyword.length() > 100) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "关键词不能超过 100 字");
        }
        if (region != null && !region.isBlank() && !region.matches("[0-9A-Za-z_-]{2,20}")) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "区域代码“" + region + "”无效");
        }
        return new RegisterRepository.Criteria(keyword, enterpriseId, region, r, t, active, register.today());
    }

    @Operation(summary = "登记人员（同一身份证号跨企业为同一人）")
    @PostMapping("/persons")
    @ResponseStatus(HttpStatus.CREATED)
    Created registerPerson(@RequestBody RegisterService.NewPerson in) {
        return new Created(register.register(user(), in));
    }

    @GetMapping("/persons/{id}")
    Map<String, Object> person(@PathVariable UUID id) {
        CurrentUser u = user();
        RegisterService.PersonView p = register.person(u, id);
        return Map.of("person", p, "certificates", certificates.ofPerson(p.id(), p.name(), p.idNumber()));
    }

    @PutMapping("/persons/{id}")
    void updatePerson(@PathVariable UUID id, @RequestBody RegisterService.PersonEdit in) {
        register.updatePerson(user(), id, in);
    }

    @Operation(summary = "完整身份证号和手机号（需 PII_READ，每次查看记入审计）")
    @GetMapping("/persons/{id}/identity")
    RegisterService.Identity identity(@PathVariable UUID id) {
        return register.identity(user(), id);
    }

    @PutMapping("/employments/{id}")
    void updateEmployment(@PathVariable UUID id, @RequestBody RegisterService.EmploymentInput in) {
        register.updateEmployment(user(), id, in);
    }

    @Operation(summary = "离职（调离）")
    @PostMapping("/employments/{id}/end")
    void endEmployment(@PathVariable UUID id, @RequestBody RegisterService.EndInput in) {
        register.endEmployment(user(), id, in);
    }

    // ---------------------------------------------------------------- certificates

    @Operation(summary = "证书清单：ALL 全部、ATTENTION 即将到期及失效、INVALID 失效")
    @GetMapping("/certificates")
    List<CertificateService.CertificateView> certificates(@RequestParam(required = false) String type,
                                                          @RequestParam(defaultValue = "ALL") String filter) {
        CertificateService.Filter f = CertificateService.Filter.parse(filter);
        return certificates.list(user(), type, f);
    }

    @PostMapping("/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    Created addCertificate(@RequestBody CertificateService.CertificateInput in) {
        return new Created(certificates.add(user(), in));
    }

    @Operation(summary = "按证书编号核验（现场执法）")
    @GetMapping("/certificates/check")
    List<CertificateService.CheckResult> check(@RequestParam(required = false) String number) {
        return certificates.checkByNumber(user(), number);
    }

    @GetMapping("/certificates/{id}")
    CertificateService.CertificateDetail certificate(@PathVariable UUID id) {
        return certificates.detail(user(), id);
    }

    @Operation(summary = "复审或延期换证")
    @PostMapping("/certificates/{id}/reviews")
    void review(@PathVariable UUID id, @RequestBody CertificateService.ReviewInput in) {
        certificates.recordReview(user(), id, in);
    }

    @Operation(summary = "登记入网（特种作业人员全部入网管理，措施 19）")
    @PostMapping("/certificates/{id}/national-registration")
    void registerNationally(@PathVariable UUID id, @RequestBody CertificateService.RegistrationInput in) {
        certificates.registerNationally(user(), id, in);
    }

    @PostMapping("/certificates/{id}/revoke")
    void revoke(@PathVariable UUID id, @RequestBody CertificateService.RevokeInput in) {
        certificates.revoke(user(), id, in);
    }

    // ---------------------------------------------------------------- training

    @GetMapping("/trainings")
    List<TrainingService.SessionView> trainings(@RequestParam(required = false) Integer year,
                                                @RequestParam(required = false) UUID enterpriseId) {
        return training.list(user(), year, enterpriseId);
    }

    @Operation(summary = "登记培训（企业自培或部门集中培训）及签到")
    @PostMapping("/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    Created createTraining(@RequestBody TrainingService.SessionInput in) {
        return new Created(training.create(user(), in));
    }

    @GetMapping("/trainings/{id}")
    TrainingService.SessionDetail trainingDetail(@PathVariable UUID id) {
        return training.detail(user(), id);
    }

    record AttendanceInput(List<TrainingService.AttendeeInput> attendees) {
    }

    @PostMapping("/trainings/{id}/attendance")
    Map<String, Integer> addAttendance(@PathVariable UUID id, @RequestBody AttendanceInput in) {
        return Map.of("added", training.addAttendance(user(), id, in.attendees()));
    }

    @Operation(summary = "上传培训佐证（签到表、照片，JPEG/PNG/WebP/PDF）")
    @PostMapping(value = "/trainings/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    EvidenceStore.Evidence uploadEvidence(@PathVariable UUID id, @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        // the service checks the caller's right before it looks at the file
        return training.attach(user(), id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
    }

    @GetMapping("/trainings/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        EvidenceStore.Content c = training.evidence(user(), id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.evidence().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.evidence().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(c.bytes());
    }

    // ---------------------------------------------------------------- drills

    @GetMapping("/drills")
    List<DrillService.DrillView> drills(@RequestParam(required = false) Integer year,
                                        @RequestParam(required = false) UUID enterpriseId) {
        return drills.list(user(), year, enterpriseId);
    }

    @PostMapping("/drills")
    @ResponseStatus(HttpStatus.CREATED)
    Created recordDrill(@RequestBody DrillService.DrillInput in) {
        return new Created(drills.record(user(), in));
    }

    @Operation(summary = "各企业各区域本周期疏散逃生演练情况（每年一次，高危行业每半年一次）")
    @GetMapping("/drills/status")
    List<DrillService.EnterpriseStatus> drillStatus() {
        return drills.status(user(), register.today());
    }

    // ---------------------------------------------------------------- coverage and findings

    @Operation(summary = "主要负责人等培训覆盖率（按方案目标，分县区、分部门，含未完成名单）")
    @GetMapping("/coverage")
    List<CoverageService.TargetCoverage> coverage(@RequestParam(required = false) Integer year) {
        return coverage.coverage(user(), year);
    }

    @Operation(summary = "无有效证书在岗、劳务派遣等禁止岗位用工")
    @GetMapping("/findings")
    List<FindingService.Finding> findings() {
        return findings.findings(user());
    }

    // ---------------------------------------------------------------- 三违 and retraining

    @GetMapping("/retraining")
    List<RetrainingService.CaseView> retrainingCases() {
        return retraining.list(user());
    }

    @Operation(summary = "登记“三违”，责令离岗脱产培训")
    @PostMapping("/retraining")
    @ResponseStatus(HttpStatus.CREATED)
    Created recordViolation(@RequestBody RetrainingService.ViolationInput in) {
        return new Created(retraining.recordViolation(user(), in));
    }

    @GetMapping("/retraining/{id}")
    RetrainingService.CaseView retrainingCase(@PathVariable UUID id) {
        return retraining.detail(user(), id);
    }

    @Operation(summary = "再培训操作：开始培训、记录学时、考试、恢复上岗（须考试合格）、终结")
    @PostMapping("/retraining/{id}/actions")
    void retrainingAction(@PathVariable UUID id, @RequestBody RetrainingService.ActionInput in) {
        retraining.act(user(), id, in);
    }

    // ---------------------------------------------------------------- training institutions

    @GetMapping("/institutions")
    List<InstitutionService.InstitutionView> institutions() {
        return institutions.list(user());
    }

    @PostMapping("/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    Created createInstitution(@RequestBody InstitutionService.InstitutionInput in) {
        return new Created(institutions.create(user(), in));
    }

    @Operation(summary = "登记 AQ 8011-2023 检查结果（不达标即清退）")
    @PostMapping("/institutions/{id}/checks")
    @ResponseStatus(HttpStatus.CREATED)
    Created checkInstitution(@PathVariable UUID id, @RequestBody InstitutionService.CheckInput in) {
        return new Created(institutions.recordCheck(user(), id, in));
    }
}
