package cn.zhiben.notifications.internal;

import cn.zhiben.notifications.SmsGateway;
import cn.zhiben.platform.crypto.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** The default gateway: writes the message to the log (number masked) instead of sending it. */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public String send(String mobile, String text) {
        String id = UUID.randomUUID().toString();
        log.info("SMS (logging gateway, not sent) to {}: {} [{}]", Masking.mobile(mobile), text, id);
        return id;
    }

    @Override
    public String name() {
        return "logging";
    }
}
