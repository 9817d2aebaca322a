package cn.zhiben.tipoffs.web;

import cn.zhiben.tipoffs.internal.TipoffAttachments;
import cn.zhiben.tipoffs.internal.TipoffCodes;
import cn.zhiben.tipoffs.internal.TipoffService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Public reporting without login (安全生产法 Arts. 73, 74): a challenge, the report itself, and the status check. */
@Tag(name = "公众举报", description = "无需登录：网上举报（实名或匿名）、凭查询码和查询密码查询办理结果")
@RestController
@RequestMapping("/api/v1/public/tipoffs")
class PublicTipoffApiController {

    private final TipoffService service;

    PublicTipoffApiController(TipoffService service) {
        this.service = service;
    }

    @Operation(summary = "取得提交前的计算验证（工作量证明，无第三方服务）")
    @GetMapping("/challenge")
    ResponseEntity<?> challenge(HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(service.challenge(request.getRemoteAddr()));
    }

    /** The public form's fields; identity fields only for a named report. */
    record PublicForm(TipoffCodes.Category category, Boolean anonymous, String enterpriseName, String enterpriseAddress,
                      String place, LocalDate occurredOn, String description, String regionCode, String industryCode,
                      String name, String idNumber, String phone, String bankName, String bankAccount, String challenge,
                      String answer) {

        TipoffService.Submission submission(TipoffCodes.Channel channel) {
            boolean anon = anonymous == null || anonymous;
            return new TipoffService.Submission(channel, category, anon, enterpriseName, enterpriseAddress, place, occurredOn,
                    description, regionCode, industryCode, anon ? null : name, anon ? null : idNumber, anon ? null : phone,
                    anon ? null : bankName, anon ? null : bankAccount);
        }
    }

    @Operation(summary = "提交举报（multipart/form-data；附件为照片或 PDF）；返回举报编号、查询码和查询密码（只显示这一次）")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TipoffService.Receipt> submit(@ModelAttribute PublicForm form,
                                                 @RequestParam(name = "files", required = false) List<MultipartFile> files,
                                                 HttpServletRequest request) {
        TipoffService.Receipt r = service.submitPublic(form.submission(TipoffCodes.Channel.ONLINE), form.challenge(),
                form.answer(), uploads(files), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(r);
    }

    record StatusQuery(String trackingCode, String secret) {
    }

    @Operation(summary = "查询办理进度、答复和奖励（须同时提供查询码和查询密码；查询次数受限）")
    @PostMapping("/status")
    ResponseEntity<TipoffService.PublicStatus> status(@RequestBody StatusQuery q, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(service.status(q.trackingCode(), q.secret(), request.getRemoteAddr()));
    }

    static List<TipoffAttachments.Upload> uploads(List<MultipartFile> files) {
        List<TipoffAttachments.Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f == null || f.isEmpty()) {
                continue;
            }
            try {
                out.add(new TipoffAttachments.Upload(f.getOriginalFilename(), f.getSize(), f.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
