package cn.zhiben.notifications;

import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The SMS log keeps the recipient's name like the number: encrypted, with a masked copy to show (issue 9 item 4). */
class SmsLogPersonalDataIntegrationTests extends IntegrationTest {

    @Autowired
    Notifier notifier;
    @Autowired
    FieldEncryptor encryptor;
    @Autowired
    Map<String, ApplicationRunner> runners;

    private Map<String, Object> row(String key) {
        return jdbc.sql("select * from ntf_sms where source_key = :k").param("k", key).query().singleRow();
    }

    @Test
    void theNameIsStoredEncryptedAndShownMasked() throws Exception {
        String key = "test-sms:" + UUID.randomUUID();
        notifier.sms("13912345678", "主要负责人", "欧阳娜娜", "【治本】测试短信", key);
        notifier.sms("13912345678", "主要负责人", "欧阳娜娜", "【治本】测试短信", key);

        Map<String, Object> row = row(key);
        assertThat(jdbc.sql("select count(*) from ntf_sms where source_key = :k").param("k", key).query(Long.class).single()).isEqualTo(1);
        assertThat(row.get("recipient_mask")).isEqualTo("主要负责人 欧***");
        assertThat(row.get("recipient")).isNull();
        assertThat(encryptor.decrypt((String) row.get("recipient_name_enc"))).isEqualTo("欧阳娜娜");
        assertThat(row.values()).noneMatch(v -> v != null && (v.toString().contains("欧阳娜娜") || v.toString().contains("13912345678")));

        String page = mvc.perform(get("/notifications/sms").session(login("city"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("主要负责人 欧***").contains("139****5678").doesNotContain("欧阳娜娜");
    }

    @Test
    void rowsWrittenBeforeAreProtectedAtTheNextStart() throws Exception {
        String key = "test-sms-legacy:" + UUID.randomUUID();
        jdbc.sql("""
                insert into ntf_sms (id, mobile_enc, mobile_mask, recipient, text, gateway, status, source_key, created_at)
                values (:id, :enc, '137****0000', '实际控制人 王五', '旧短信', 'logging', 'SENT', :k, now())""")
                .param("id", UUID.randomUUID()).param("enc", encryptor.encrypt("13700000000")).param("k", key).update();
        runners.get("smsRecipientProtection").run(null);
        Map<String, Object> row = row(key);
        assertThat(row.get("recipient")).isNull();
        assertThat(row.get("recipient_position")).isEqualTo("实际控制人");
        assertThat(row.get("recipient_mask")).isEqualTo("实际控制人 王*");
        assertThat(encryptor.decrypt((String) row.get("recipient_name_enc"))).isEqualTo("王五");
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains("王五"));
    }
}
