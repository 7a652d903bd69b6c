package id.go.kapuaskab.sertel.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What the web console's server part needs to know: the OAuth client it is, and the headers it sends. */
@ConfigMapping(prefix = "sertel.console")
public interface ConsoleConfig {

    /**
     * {@code sertel.console.client-id} (default {@code web-console}): the public client registered at the token issuer
     * ({@code sertel.auth.public-clients.web-console.*} of applicant-service); its redirect URI is
     * {@code <public base URL>/console/callback}.
     */
    @WithDefault("web-console")
    String clientId();

    /**
     * {@code sertel.console.content-security-policy}: sent with every answer. The default allows scripts, styles and
     * API calls from this origin only: no inline script or style, no eval, no other origin; {@code blob:} only for
     * documents the console itself fetched with the user's token (the PDF of a data change, downloads).
     */
    @WithDefault("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
            + "object-src blob:; frame-src blob:; font-src 'self'; manifest-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'")
    String contentSecurityPolicy();

    /**
     * {@code sertel.console.asset-max-age} (default {@code P365D}): how long browsers keep an asset. Asset URLs carry the
     * build stamp, so a new build is a new URL and a long, immutable cache is safe.
     */
    @WithDefault("P365D")
    Duration assetMaxAge();
}
