package cn.zhiben.org.internal;

import cn.zhiben.audit.AuditAction;
import cn.zhiben.audit.AuditEntry;
import cn.zhiben.audit.AuditLog;
import cn.zhiben.org.Uscc;
import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.jobs.ClusterLocks;
import cn.zhiben.platform.security.CurrentUser;
import cn.zhiben.platform.security.DataScope;
import cn.zhiben.platform.security.RequestInfo;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.UploadNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports enterprises from the template workbook. The upload is read and its template checked while the request waits;
 * validation and writing run in the background on a small bounded pool, and the job row reports progress.
 * A row is one insert; all rows of a job are written in one transaction, so nothing is half-imported.
 * <p>Several instances (issue 9 part 7): the instance running a job holds its cluster lock; the upload is kept
 * (encrypted) with the job until it ends. If that instance stops, the job's lock is free and the recovery job
 * ({@link EnterpriseImportRecovery}) runs it again from the start on whichever instance takes the lock — safe, because
 * nothing of an unfinished job was written.
 */
@Service
public class EnterpriseImportService implements DisposableBean {

    public static final long MAX_BYTES = 20L * 1024 * 1024;
    static final String JOB_ENTITY = "enterprise_import";
    private static final Logger log = LoggerFactory.getLogger(EnterpriseImportService.class);
    private static final int PROGRESS_EVERY = 250;

    private final EnterpriseService enterprises;
    private final EnterpriseRepository repository;
    private final EnterpriseImportJobRepository jobs;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateTx;
    private final ClusterLocks locks;
    private final FieldEncryptor crypto;
    // not a Spring bean on purpose: a TaskExecutor bean would replace Boot's default application executor
    private final ThreadPoolExecutor executor;

    EnterpriseImportService(EnterpriseService enterprises, EnterpriseRepository repository, EnterpriseImportJobRepository jobs,
                            AuditLog audit, Clock clock, PlatformTransactionManager transactions, ClusterLocks locks,
                            FieldEncryptor crypto) {
        this.enterprises = enterprises;
        this.repository = repository;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.separateTx = new TransactionTemplate(transactions);
        this.separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.locks = locks;
        this.crypto = crypto;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(8), r -> {
            Thread t = new Thread(r, "enterprise-import-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static String lockName(UUID jobId) {
        return "org.import:" + jobId;
    }

    /**
     * Takes over the jobs whose instance stopped (their lock is free) and runs them again here; answers how many.
     * Jobs running elsewhere keep their lock and are left alone.
     */
    int resumeOrphans() {
        int resumed = 0;
        for (UUID id : jobs.unfinished()) {
            var lease = locks.tryAcquire(lockName(id));
            if (lease.isEmpty()) {
                continue;
            }
            boolean handedOver = false;
            try {
                var job = jobs.resumable(id);
                if (job.isEmpty()) {
                    int n = jobs.failWithoutUpload(id, "服务重启，导入已中断且未写入任何数据，请重新上传", now());
                    if (n > 0) {
                        log.warn("enterprise import job {} was interrupted before uploads were kept; marked as failed", id);
                    }
                    continue;
                }
                var r = job.get();
                List<EnterpriseSheetReader.Row> rows = parse(crypto.decryptBytes(r.encryptedUpload()));
                jobs.requeue(id);
                log.warn("enterprise import job {} was left unfinished by an instance that stopped; running it again here", id);
                var held = lease.get();
                executor.execute(() -> {
                    try {
                        run(id, r.fileName(), rows, r.mode(), r.scope(), r.username(), r.actor());
                    } finally {
                        held.close();
                    }
                });
                handedOver = true;
                resumed++;
            } catch (RejectedExecutionException e) {
                log.info("import queue full; job {} is taken over on a later round", id);
            } catch (RuntimeException e) {
                log.error("enterprise import job {} could not be taken over", id, e);
            } finally {
                if (!handedOver) {
                    lease.get().close();
                }
            }
        }
        return resumed;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    /** Checks the upload and queues the job; answers at once with the job's id. */
    public UUID submit(CurrentUser user, MultipartFile file, String modeText) {
        EnterpriseImportJob.Mode mode = mode(modeText);
        if (file == null || file.isEmpty()) {
            throw ProblemException.badRequest("IMPORT_FILE_UNREADABLE", "请选择要上传的 .xlsx 文件（文件不能为空）");
        }
        if (file.getSize() > MAX_BYTES) {
            throw ProblemException.badRequest("IMPORT_FILE_TOO_LARGE", "文件超过 20 MB，请拆分后分批导入");
        }
        byte[] upload = readBytes(file);
        List<EnterpriseSheetReader.Row> rows = parse(upload);
        String fileName = fileName(file);
        UUID id = UUID.randomUUID();
        AuditEntry.Actor actor = new AuditEntry.Actor(user.id(), user.username(), user.role().name(), RequestInfo.clientAddress());
        // the lock first, so no other instance's recovery sees the new job without an owner
        ClusterLocks.Lease lease = locks.tryAcquire(lockName(id)).orElseThrow();
        try {
            jobs.insert(id, user.id(), user.username(), fileName, mode, rows.size(), now(), crypto.encryptBytes(upload),
                    user.scope(), actor);
            executor.execute(() -> {
                try {
                    run(id, fileName, rows, mode, user.scope(), user.username(), actor);
                } finally {
                    lease.close();
                }
            });
        } catch (RejectedExecutionException e) {
            jobs.delete(id);
            lease.close();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "IMPORT_BUSY", "当前排队的导入任务较多，请稍后再试");
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return id;
    }

    public EnterpriseImportJob job(CurrentUser user, UUID id) {
        return jobs.find(id, user.id())
                .orElseThrow(() -> ProblemException.notFound("IMPORT_JOB_NOT_FOUND", "导入任务不存在，或不是您提交的"));
    }

    public List<EnterpriseImportJob> recent(CurrentUser user) {
        return jobs.recent(user.id(), 10);
    }

    private static EnterpriseImportJob.Mode mode(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("IMPORT_MODE_INVALID", "请选择导入方式：ALL_OR_NOTHING（全部成功才导入）或 VALID_ROWS（仅导入正确行）");
        }
        try {
            return EnterpriseImportJob.Mode.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("IMPORT_MODE_INVALID", "导入方式“" + text + "”无效：应为 ALL_OR_NOTHING 或 VALID_ROWS");
        }
    }

    private static String fileName(MultipartFile file) {
        return UploadNames.withExtension(UploadNames.clean(file.getOriginalFilename(), "未命名.xlsx"), "xlsx");
    }

    private static byte[] readBytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw ProblemException.badRequest("IMPORT_FILE_UNREADABLE", "上传的文件无法读取，请重新上传");
        }
    }

    private static List<EnterpriseSheetReader.Row> parse(byte[] upload) {
        File temp = null;
        try {
            temp = Files.createTempFile("enterprise-import-", ".xlsx").toFile();
            Files.write(temp.toPath(), upload);
            return EnterpriseSheetReader.read(temp);
        } catch (IOException e) {
            throw ProblemException.badRequest("IMPORT_FILE_UNREADABLE", "上传的文件无法读取，请重新上传");
        } finally {
            if (temp != null && !temp.delete()) {
                temp.deleteOnExit();
            }
        }
    }

    // ---------------------------------------------------------------- background

    private static final class Rollback extends RuntimeException {
        final Set<UUID> taken;

        Rollback(Set<UUID> taken) {
            super(null, null, false, false);
            this.taken = taken;
        }
    }

    void run(UUID jobId, String fileName, List<EnterpriseSheetReader.Row> rows, EnterpriseImportJob.Mode mode,
             DataScope scope, String username, AuditEntry.Actor actor) {
        int total = rows.size();
        try {
            jobs.start(jobId, EnterpriseImportJob.Status.VALIDATING, now());
            EnterpriseReference ref = enterprises.reference();
            EnterpriseData[] data = new EnterpriseData[total];
            Map<Integer, List<EnterpriseImportJob.Issue>> issues = new LinkedHashMap<>();
            int invalid = 0;
            for (int i = 0; i < total; i++) {
                EnterpriseSheetReader.Row row = rows.get(i);
                EnterpriseValidator.Result result = EnterpriseValidator.validate(row.toDraft(), ref);
                if (!result.valid()) {
                    result.problems().forEach(p -> issue(issues, row.number(), p.field(), p.message()));
                } else if (outOfScope(scope, result.data(), ref, issues, row.number())) {
                    data[i] = null;
                } else {
                    data[i] = result.data();
                }
                if (data[i] == null) {
                    invalid++;
                }
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    jobs.progress(jobId, i + 1, i + 1 - invalid, invalid, 0);
                }
            }
            duplicatesInFile(rows, data, issues);
            takenInDatabase(rows, data, issues);

            List<EnterpriseRow> toInsert = new ArrayList<>();
            Map<UUID, Integer> rowOf = new HashMap<>();
            Instant now = now();
            for (int i = 0; i < total; i++) {
                if (data[i] != null) {
                    EnterpriseRow r = enterprises.toRow(UUID.randomUUID(), data[i], false, 0, now, username, now, username);
                    toInsert.add(r);
                    rowOf.put(r.id(), rows.get(i).number());
                }
            }
            int valid = toInsert.size();
            invalid = total - valid;
            if (mode == EnterpriseImportJob.Mode.ALL_OR_NOTHING && invalid > 0) {
                reject(jobId, fileName, mode, total, valid, invalid, issues, actor,
                        "有 " + invalid + " 行存在问题，按“全部成功才导入”方式未导入任何数据；请按报告修改后重新上传");
                return;
            }
            if (valid == 0) {
                finish(jobId, fileName, mode, EnterpriseImportJob.Status.COMPLETED, total, 0, invalid, 0, issues, actor,
                        "没有可导入的行");
                return;
            }
            jobs.progress(jobId, total, valid, invalid, 0);
            jobs.start(jobId, EnterpriseImportJob.Status.IMPORTING, now());
            try {
                int finalInvalid = invalid;
                tx.executeWithoutResult(status -> {
                    Set<UUID> taken = repository.insertAllSkippingTakenUscc(toInsert, done ->
                            separateTx.executeWithoutResult(s -> jobs.progress(jobId, total, valid, finalInvalid, done)));
                    if (!taken.isEmpty() && mode == EnterpriseImportJob.Mode.ALL_OR_NOTHING) {
                        throw new Rollback(taken);
                    }
                    taken.forEach(id -> issue(issues, rowOf.get(id), EnterpriseField.USCC, "该统一社会信用代码在导入期间已被登记为其他企业"));
                    int imported = valid - taken.size();
                    String message = finalInvalid + taken.size() == 0 ? "全部 " + imported + " 行已导入"
                            : "已导入 " + imported + " 行，跳过有问题的 " + (finalInvalid + taken.size()) + " 行";
                    finish(jobId, fileName, mode, EnterpriseImportJob.Status.COMPLETED, total, imported,
                            finalInvalid + taken.size(), imported, issues, actor, message);
                });
            } catch (Rollback r) {
                r.taken.forEach(id -> issue(issues, rowOf.get(id), EnterpriseField.USCC, "该统一社会信用代码在导入期间已被登记为其他企业"));
                reject(jobId, fileName, mode, total, valid - r.taken.size(), invalid + r.taken.size(), issues, actor,
                        "有 " + r.taken.size() + " 行的统一社会信用代码在导入期间被登记，按“全部成功才导入”方式未导入任何数据");
            }
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            log.error("enterprise import {} failed, incident {}", jobId, incident, e);
            String message = "导入时发生系统错误，未导入任何数据（事件号 " + incident + "）";
            separateTx.executeWithoutResult(s -> {
                jobs.finish(jobId, EnterpriseImportJob.Status.FAILED, 0, 0, 0, 0, List.of(), message, now());
                audit.record(importEntry(jobId, fileName, mode, total, 0, 0, 0, false, message, actor));
            });
        }
    }

    private void reject(UUID jobId, String fileName, EnterpriseImportJob.Mode mode, int total, int valid, int invalid,
                        Map<Integer, List<EnterpriseImportJob.Issue>> issues, AuditEntry.Actor actor, String message) {
        tx.executeWithoutResult(s -> finish(jobId, fileName, mode, EnterpriseImportJob.Status.REJECTED, total, valid, invalid,
                0, issues, actor, message));
    }

    /** Writes the outcome and its one audit entry; joins the caller's transaction or opens one. */
    private void finish(UUID jobId, String fileName, EnterpriseImportJob.Mode mode, EnterpriseImportJob.Status status,
                        int total, int valid, int invalid, int imported, Map<Integer, List<EnterpriseImportJob.Issue>> issues,
                        AuditEntry.Actor actor, String message) {
        tx.executeWithoutResult(s -> {
            List<EnterpriseImportJob.Issue> list = issues.values().stream().flatMap(List::stream)
                    .sorted(Comparator.comparingInt(EnterpriseImportJob.Issue::row)).toList();
            jobs.finish(jobId, status, total, valid, invalid, imported, list, message, now());
            audit.record(importEntry(jobId, fileName, mode, total, valid, invalid, imported,
                    status == EnterpriseImportJob.Status.COMPLETED, message, actor));
        });
    }

    private static AuditEntry importEntry(UUID jobId, String fileName, EnterpriseImportJob.Mode mode, int total, int valid,
                                          int invalid, int imported, boolean success, String message, AuditEntry.Actor actor) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", fileName);
        facts.put("mode", mode.name());
        facts.put("total", total);
        facts.put("valid", valid);
        facts.put("invalid", invalid);
        facts.put("imported", imported);
        return new AuditEntry(AuditAction.IMPORT, JOB_ENTITY, jobId.toString(), facts, success, message, actor);
    }

    private static boolean outOfScope(DataScope scope, EnterpriseData d, EnterpriseReference ref,
                                      Map<Integer, List<EnterpriseImportJob.Issue>> issues, int row) {
        if (!scope.coversRegion(d.regionCode(), d.zoneCode())) {
            issue(issues, row, EnterpriseField.REGION, "“" + ref.regionName(d.regionCode()) + "”不在您的数据范围内");
            return true;
        }
        if (scope.industryCodes() != null && !scope.industryCodes().contains(d.industryCode())) {
            issue(issues, row, EnterpriseField.INDUSTRY, "行业领域“" + ref.industryName(d.industryCode()) + "”不在您的监管范围内");
            return true;
        }
        if (!scope.covers(null, d.regionCode(), d.zoneCode(), d.industryCode())) {
            issue(issues, row, EnterpriseField.REGION, "该企业不在您的数据范围内");
            return true;
        }
        return false;
    }

    /** Rows sharing a credit code are all invalid: which of them is right cannot be told. */
    private static void duplicatesInFile(List<EnterpriseSheetReader.Row> rows, EnterpriseData[] data,
                                         Map<Integer, List<EnterpriseImportJob.Issue>> issues) {
        Map<String, List<Integer>> byUscc = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String u = EnterpriseValidator.trim(rows.get(i).get(EnterpriseField.USCC));
            if (u != null && Uscc.isValid(u)) {
                byUscc.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> same : byUscc.values()) {
            if (same.size() < 2) {
                continue;
            }
            for (int i : same) {
                List<String> others = same.stream().filter(j -> j != i).map(j -> String.valueOf(rows.get(j).number())).toList();
                issue(issues, rows.get(i).number(), EnterpriseField.USCC, "与文件中第 " + String.join("、", others) + " 行的统一社会信用代码重复");
                data[i] = null;
            }
        }
    }

    private void takenInDatabase(List<EnterpriseSheetReader.Row> rows, EnterpriseData[] data,
                                 Map<Integer, List<EnterpriseImportJob.Issue>> issues) {
        List<String> codes = new ArrayList<>();
        for (EnterpriseData d : data) {
            if (d != null) {
                codes.add(d.uscc());
            }
        }
        Set<String> taken = repository.existingUsccs(codes);
        for (int i = 0; i < data.length; i++) {
            if (data[i] != null && taken.contains(data[i].uscc())) {
                issue(issues, rows.get(i).number(), EnterpriseField.USCC, "该统一社会信用代码已登记为其他企业");
                data[i] = null;
            }
        }
    }

    private static void issue(Map<Integer, List<EnterpriseImportJob.Issue>> issues, int row, EnterpriseField field, String message) {
        issues.computeIfAbsent(row, k -> new ArrayList<>())
                .add(new EnterpriseImportJob.Issue(row, field == null ? "" : field.label(), message));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
