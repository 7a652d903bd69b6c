package id.go.kapuaskab.sertel.support.web;

import id.go.kapuaskab.sertel.support.config.EdgeConfig;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts the HTTP decoder's own limits on request-line and header length well above the edge's limits
 * ({@link EdgeConfig}). A request the decoder refuses never reaches the router, and Quarkus offers no hook for the
 * answer Vert.x then sends (a bare 414 or 431: quarkusio/quarkus#55082); with this headroom the edge sees every
 * over-long request a client can reasonably send and answers it with a problem.
 */
@ApplicationScoped
public class DecoderLimits implements HttpServerOptionsCustomizer {

    private final EdgeConfig config;

    DecoderLimits(EdgeConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        apply(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        apply(options);
    }

    private void apply(HttpServerOptions options) {
        int headroom = Math.max(1, config.decoderHeadroom());
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), config.maxUriLength() * headroom));
        options.setMaxHeaderSize(Math.max(options.getMaxHeaderSize(), config.maxHeaderBytes() * headroom));
    }
}
