package cn.zhiben.monitoring.web;

import cn.zhiben.monitoring.internal.DeviceInfo;
import cn.zhiben.monitoring.internal.DeviceSecrets;
import cn.zhiben.monitoring.internal.IngestPipeline;
import cn.zhiben.monitoring.internal.Intake;
import cn.zhiben.monitoring.internal.PointRegistry;
import cn.zhiben.monitoring.internal.RejectReason;
import cn.zhiben.monitoring.internal.Rejections;
import cn.zhiben.platform.security.PublicEndpoints;
import cn.zhiben.platform.web.ProblemException;
import cn.zhiben.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP batch upload for devices and gateways that do not speak MQTT. Served without a user login (declared in
 * {@link PublicEndpoints}); the device authenticates itself with HTTP Basic (device code : secret). Unlike MQTT,
 * HTTP can refuse an upload: any invalid reading makes the whole batch a 422 listing each problem, nothing stored.
 * 200 means every reading of the batch is committed (new, or already stored by an earlier try).
 */
@Tag(name = "监测数据接入", description = "设备以 HTTP 批量上传读数")
@RestController
class DeviceIngestController {

    private final PointRegistry registry;
    private final Intake intake;
    private final IngestPipeline pipeline;
    private final Rejections rejections;

    DeviceIngestController(PointRegistry registry, Intake intake, IngestPipeline pipeline, Rejections rejections) {
        this.registry = registry;
        this.intake = intake;
        this.pipeline = pipeline;
        this.rejections = rejections;
    }

    @Configuration(proxyBeanMethods = false)
    static class Open {
        @Bean
        PublicEndpoints monitoringPublicEndpoints() {
            return new PublicEndpoints(List.of("/api/v1/monitoring/ingest"), List.of());
        }
    }

    @Operation(summary = "上传一批读数：{\"readings\":[{\"point\":\"测点编码\",\"seq\":1,\"ts\":\"2026-12-03T10:00:00+08:00\",\"value\":0.42}]}，"
            + "HTTP Basic 认证（设备编码:设备密钥）；提交成功后才返回 200")
    @PostMapping(value = "/api/v1/monitoring/ingest", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> ingest(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                               @RequestBody byte[] body) {
        DeviceInfo device = authenticate(authorization);
        if (pipeline.overloaded()) {
            // a clear refusal under overload; the device sends again after Retry-After seconds
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "INGEST_OVERLOADED", "平台接入繁忙，请 5 秒后重传"));
        }
        Intake.Checked c = intake.accept(Rejections.Channel.HTTP, device, body);
        if (c.malformed() != null) {
            throw ProblemException.badRequest("READINGS_MALFORMED", "读数格式错误：" + c.malformed());
        }
        if (!c.refused().isEmpty()) {
            List<ProblemException.FieldProblem> problems = c.refused().stream()
                    .map(r -> new ProblemException.FieldProblem("readings[" + r.index() + "]", r.reason().label() + "：" + r.detail()))
                    .toList();
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "READINGS_REJECTED",
                    c.refused().size() + " 条读数被拒绝，本批未保存，请更正后重传", problems);
        }
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        pipeline.submit(c.valid(), stored::complete);
        try {
            if (!stored.get(30, TimeUnit.SECONDS)) {
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "INGEST_NOT_STORED", "读数暂未能保存，请稍后重传");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "INGEST_NOT_STORED", "读数暂未能保存，请稍后重传");
        } catch (ExecutionException | TimeoutException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "INGEST_NOT_STORED", "读数暂未能保存，请稍后重传");
        }
        return ResponseEntity.ok(Map.of("stored", c.valid().size()));
    }

    private DeviceInfo authenticate(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // a signed-in account is known but is not a device: readings come only from devices (their code and secret)
            throw ProblemException.forbidden("INGEST_DEVICES_ONLY", "读数只能由设备上传（HTTP Basic：设备编码:设备密钥），账号令牌不能上传读数");
        }
        String code = null;
        String secret = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    code = pair.substring(0, colon);
                    secret = pair.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                code = null;
            }
        }
        String c = code;
        String s = secret;
        DeviceInfo d = c == null ? null : registry.device(c).filter(DeviceInfo::enabled)
                .filter(x -> DeviceSecrets.matches(s, x.secretHash())).orElse(null);
        if (d == null) {
            rejections.reject(Rejections.Channel.HTTP, RejectReason.BAD_CREDENTIALS, code, null, "HTTP 上传设备认证失败", null);
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "DEVICE_UNAUTHORIZED", "设备编码或密钥错误（HTTP Basic：设备编码:设备密钥）");
        }
        return d;
    }
}
