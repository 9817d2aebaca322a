package cn.zhiben.tipoffs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * zhiben.tipoffs.* — every default is our inference where docs/tipoffs.md says so.
 *
 * @param acceptDays          days to decide 受理/不予受理 after receipt (inference, by analogy with 信访工作条例's 15 days)
 * @param verifyDays          days to verify after acceptance (inference, by analogy with 信访工作条例's 60 days)
 * @param replyDays           days to reply to the reporter after the conclusion (inference)
 * @param identityKey         base64 AES-256 key sealing reporters' identities (ZHIBEN_TIPOFF_KEY); separate from the field key
 * @param identityKeyFile     where the key is kept when not given (created 0600 beside the field key on the embedded database)
 * @param storageDir          where tip-off attachments are kept
 * @param maxAttachmentSize   largest accepted file
 * @param maxAttachments      files per public submission
 * @param submitsPerHour      public submissions per client address per hour
 * @param statusChecksPerHour public status checks (right or wrong) per client address per hour
 * @param powBits             leading zero bits of the proof of work a public submission carries
 * @param demoData            make demo tip-offs on the first demo start
 * @param overdueCron         when overdue tip-offs are marked and escalated (Asia/Shanghai)
 */
@ConfigurationProperties("zhiben.tipoffs")
public record TipoffsProperties(
        @DefaultValue("15") int acceptDays,
        @DefaultValue("60") int verifyDays,
        @DefaultValue("15") int replyDays,
        String identityKey,
        @DefaultValue("./data/keys/tipoff.key") String identityKeyFile,
        @DefaultValue("./data/tipoff-files") String storageDir,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("5") int maxAttachments,
        @DefaultValue("5") int submitsPerHour,
        @DefaultValue("20") int statusChecksPerHour,
        @DefaultValue("16") int powBits,
        @DefaultValue("true") boolean demoData,
        @DefaultValue("0 15 0 * * *") String overdueCron) {
}
