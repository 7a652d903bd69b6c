package id.go.kapuaskab.sertel.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits every service (and the gateway) applies to a request before any endpoint sees it, answered with problems.
 * The HTTP decoder's own limits sit {@link #decoderHeadroom()} times higher, so the problem answers, not the decoder's
 * bare ones, are what a caller meets.
 */
@ConfigMapping(prefix = "sertel.edge")
public interface EdgeConfig {

    /** {@code sertel.edge.max-uri-length} (default 8192): longest request target (path and query), else 414. */
    @WithDefault("8192")
    int maxUriLength();

    /** {@code sertel.edge.max-header-bytes} (default 16384): all header lines together, else 431. */
    @WithDefault("16384")
    int maxHeaderBytes();

    /**
     * {@code sertel.edge.decoder-headroom} (default 8): the HTTP decoder's line and header limits are this multiple of
     * the two above; beyond them the decoder itself refuses the request (bare 414/431), as no Quarkus hook reaches it.
     */
    @WithDefault("8")
    int decoderHeadroom();

    /**
     * {@code sertel.edge.stream-bodies} (default false): leave bodies without a length to the route that streams them
     * (the gateway's proxy counts them itself); otherwise such a body is read here up to
     * {@code quarkus.http.limits.max-body-size} so a larger one is a 413 problem, not the decoder's bare 413.
     */
    @WithDefault("false")
    boolean streamBodies();
}
