package id.go.kapuaskab.sertel.support.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The correlation id of one call across gateway and services. A caller's {@code X-Request-Id} is kept
 * when it is a plausible id (letters, digits, dot, dash, underscore, up to 64 characters); anything else is
 * replaced, so a hostile header cannot inject into logs.
 * <p>
 * A new id is a random (version 4) UUID from the thread's own generator, not from {@code SecureRandom}: an id only
 * names a call in logs and problems and grants nothing, so it need not be unpredictable, and the shared
 * {@code SecureRandom} behind {@link UUID#randomUUID()} was 4 % of the OCSP responder's I/O thread (issue 21).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    public static String acceptOrCreate(String offered) {
        return offered != null && safe(offered) ? offered : create();
    }

    static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                              // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;          // IETF variant
        return new UUID(high, low).toString();
    }

    private static boolean safe(String offered) {
        int n = offered.length();
        if (n == 0 || n > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = offered.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
