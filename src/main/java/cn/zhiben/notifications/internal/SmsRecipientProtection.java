package cn.zhiben.notifications.internal;

import cn.zhiben.platform.crypto.FieldEncryptor;
import cn.zhiben.platform.crypto.Masking;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * SMS log rows written before names were protected (migration 0610) kept "职务 姓名" in clear: encrypt the name, keep
 * a masked copy and empty the clear column. The key lives outside the database, so this cannot be done in SQL.
 */
@Component
@Order(-10)
class SmsRecipientProtection implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final FieldEncryptor encryptor;

    SmsRecipientProtection(JdbcClient jdbc, FieldEncryptor encryptor) {
        this.jdbc = jdbc;
        this.encryptor = encryptor;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        record Legacy(UUID id, String recipient) {
        }
        for (Legacy row : jdbc.sql("select id, recipient from ntf_sms where recipient is not null")
                .query((rs, n) -> new Legacy(rs.getObject(1, UUID.class), rs.getString(2))).list()) {
            String r = row.recipient().strip();
            int space = r.lastIndexOf(' ');
            String position = space < 0 ? null : r.substring(0, space);
            String name = space < 0 ? r : r.substring(space + 1);
            String mask = (position == null ? "" : position + " ") + Masking.personName(name);
            jdbc.sql("""
                    update ntf_sms set recipient_position = :p, recipient_name_enc = :n, recipient_mask = :m, recipient = null
                    where id = :id""")
                    .param("p", position).param("n", encryptor.encrypt(name)).param("m", mask).param("id", row.id()).update();
        }
    }
}
