package id.go.kapuaskab.sertel.support.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of one call across gateway and services. A caller's {@code X-Request-Id} is kept
 * when it is a plausible id (letters, digits, dot, dash, underscore, up to 64 characters); anything else is
 * replaced, so a hostile header cannot inject into logs.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    public static String acceptOrCreate(String offered) {
        if (offered != null && SAFE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }
}
