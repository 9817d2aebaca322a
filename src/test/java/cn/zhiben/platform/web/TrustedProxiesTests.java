package cn.zhiben.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which address is the client's: X-Forwarded-For counts only as far as trusted proxies wrote it (issue 9 item 4). */
class TrustedProxiesTests {

    private static final TrustedProxies NGINX = new TrustedProxies(List.of("10.0.0.5", "192.168.10.0/24", "fd00::/8"));

    @ParameterizedTest(name = "from {0} with X-Forwarded-For \"{1}\" the client is {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // not from a trusted proxy: the header is the client's own claim
            "203.0.113.9 | 10.1.1.1              | 203.0.113.9",
            "192.168.11.2| 1.2.3.4               | 192.168.11.2",
            // from the trusted proxy: the address it saw
            "10.0.0.5    | 198.51.100.7          | 198.51.100.7",
            "10.0.0.5    | -                     | 10.0.0.5",
            // what the client put in front is skipped; a chain of trusted proxies is walked from the right
            "10.0.0.5    | 6.6.6.6, 198.51.100.7 | 198.51.100.7",
            "10.0.0.5    | 198.51.100.7, 192.168.10.3 | 198.51.100.7",
            "10.0.0.5    | 192.168.10.4, 192.168.10.3 | 192.168.10.4",
            // ports and brackets
            "10.0.0.5    | 198.51.100.7:5353     | 198.51.100.7",
            "fd00::1     | [2001:db8::7]:443     | 2001:db8::7",
            // garbage beyond the trusted proxy: the nearest trustworthy hop
            "10.0.0.5    | evil.example          | 10.0.0.5",
            "10.0.0.5    | 198.51.100.7, junk    | 10.0.0.5"})
    void resolvesTheClient(String remote, String forwarded, String client) {
        assertThat(NGINX.client(remote.strip(), forwarded == null ? null : forwarded.strip())).isEqualTo(client.strip());
    }

    @Test
    void byDefaultNobodyIsTrusted() {
        TrustedProxies none = new TrustedProxies(List.of());
        assertThat(none.client("10.0.0.5", "1.2.3.4")).isEqualTo("10.0.0.5");
        assertThat(none.client("127.0.0.1", "1.2.3.4")).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesHostNamesAndBadBlocks() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example"))).hasMessageContaining("不是 IP 地址");
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).hasMessageContaining("前缀长度无效");
    }
}
