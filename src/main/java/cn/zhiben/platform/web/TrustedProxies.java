package cn.zhiben.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose X-Forwarded-For is believed (zhiben.web.trusted-proxies: addresses or CIDR blocks; default
 * none). The client is the rightmost address in the header that is not itself a trusted proxy: every hop appends the
 * address it saw, so only the part written by trusted proxies can be relied on.
 */
public final class TrustedProxies {

    /** Literal IPv4/IPv6 only: a host name would make every request wait for DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Block(byte[] network, int prefix) {
    }

    private final List<Block> blocks;

    public TrustedProxies(List<String> entries) {
        List<Block> out = new ArrayList<>();
        for (String e : entries == null ? List.<String>of() : entries) {
            String s = e.strip();
            if (s.isEmpty()) {
                continue;
            }
            int slash = s.indexOf('/');
            String address = slash < 0 ? s : s.substring(0, slash);
            byte[] bytes = parse(address);
            if (bytes == null) {
                throw new IllegalArgumentException("zhiben.web.trusted-proxies: 不是 IP 地址或 CIDR 网段：" + s);
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException ex) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("zhiben.web.trusted-proxies: 网段前缀长度无效：" + s);
                }
            }
            out.add(new Block(bytes, prefix));
        }
        this.blocks = List.copyOf(out);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    public boolean trusted(String address) {
        byte[] a = parse(address);
        if (a == null) {
            return false;
        }
        for (Block b : blocks) {
            if (b.network().length == a.length && matches(b, a)) {
                return true;
            }
        }
        return false;
    }

    /** The client address of a request that came from {@code remote} with this X-Forwarded-For (may be null). */
    public String client(String remote, String forwardedFor) {
        if (blocks.isEmpty() || forwardedFor == null || !trusted(remote)) {
            return remote;
        }
        String client = remote;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = strip(hops[i]);
            if (parse(hop) == null) {
                // garbage from beyond the trusted proxies: the nearest trustworthy address is the last one we reached
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** "[::1]:8080" -> "::1", "1.2.3.4:55" -> "1.2.3.4". */
    private static String strip(String hop) {
        String h = hop.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        if (h.indexOf(':') > 0 && h.indexOf(':') == h.lastIndexOf(':') && h.contains(".")) {
            return h.substring(0, h.indexOf(':'));
        }
        return h;
    }

    private static byte[] parse(String address) {
        if (address == null || address.isEmpty() || address.length() > 45 || !LITERAL.matcher(address).matches()
                || !(address.contains(".") || address.contains(":"))) {
            return null;
        }
        if (!address.contains(":") && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean matches(Block b, byte[] a) {
        int bits = b.prefix();
        for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((a[i] & mask) != (b.network()[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
