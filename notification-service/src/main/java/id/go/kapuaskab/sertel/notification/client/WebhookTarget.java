package id.go.kapuaskab.sertel.notification.client;

import java.net.InetAddress;
import java.net.URI;

/** A checked webhook target: the URL, its host and port, and the one address the request is sent to. */
public record WebhookTarget(URI uri, String host, int port, boolean tls, InetAddress address) {

    /** Path and query as they go on the request line. */
    public String requestUri() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
