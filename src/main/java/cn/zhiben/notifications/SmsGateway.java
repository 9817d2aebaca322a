package cn.zhiben.notifications;

/**
 * Sends a text message. The default implementation only logs (no SMS provider is reachable from a fresh machine);
 * a deployment plugs in its provider (e.g. the government SMS platform) by defining a bean of this type.
 */
public interface SmsGateway {

    /** @return a provider reference or message id; throws on failure */
    String send(String mobile, String text);

    /** Name recorded with each message, e.g. "logging". */
    String name();
}
