package id.go.kapuaskab.sertel.notification.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a webhook may be sent to: public unicast only. Refused are the unspecified, loopback,
 * link-local (cloud metadata at 169.254.169.254 among them), private and shared (RFC 1918, CGNAT 100.64/10, IPv6
 * unique-local), multicast, broadcast and reserved ranges, also when an IPv6 address carries one of them inside
 * (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
 */
final class AddressRules {

    private AddressRules() {
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return isPublicV4(v4.getAddress());
        }
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if ((b[0] & 0xfe) == 0xfc) {                                   // fc00::/7 unique local
            return false;
        }
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d
            return isPublicV4(slice(b, 12));
        }
        if (zero(b, 0, 12)) {                                           // ::a.b.c.d (deprecated compatible form), ::, ::1
            return false;
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) { // 64:ff9b::/96
            return isPublicV4(slice(b, 12));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {                             // 2002::/16 6to4
            return isPublicV4(slice(b, 2));
        }
        return address instanceof Inet6Address;
    }

    private static boolean isPublicV4(byte[] a) {
        int o1 = a[0] & 0xff;
        int o2 = a[1] & 0xff;
        int o3 = a[2] & 0xff;
        return !(o1 == 0                                   // 0.0.0.0/8 this network, unspecified
                || o1 == 10                                // 10/8 private
                || o1 == 100 && o2 >= 64 && o2 <= 127      // 100.64/10 shared (CGNAT)
                || o1 == 127                               // loopback
                || o1 == 169 && o2 == 254                  // link-local, cloud metadata
                || o1 == 172 && o2 >= 16 && o2 <= 31       // 172.16/12 private
                || o1 == 192 && o2 == 0 && o3 == 0         // 192.0.0/24 protocol assignments
                || o1 == 192 && o2 == 168                  // 192.168/16 private
                || o1 == 198 && (o2 == 18 || o2 == 19)     // 198.18/15 benchmarking
                || o1 >= 224);                             // multicast, reserved, broadcast
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    /** For tests and messages: an address literal parsed without any lookup. */
    static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
