package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.client.WebhookTarget;
import id.go.kapuaskab.sertel.notification.config.WebhookConfig;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a webhook may go (server-side request forgery): an absolute {@code https} URL (plain {@code http} only where
 * {@code require-https} is off: tests and the local stack), no user info, no fragment, and a host whose every
 * address is public unicast, unless the host is on the allow-list. Checked when a subscription is created or
 * changed, and again before every delivery, which then connects to the very address checked.
 */
@ApplicationScoped
public class TargetPolicy {

    private static final int MAX_LENGTH = 2000;

    private final HostResolver resolver;
    private final boolean requireHttps;
    private final Set<String> allowed;

    TargetPolicy(HostResolver resolver, WebhookConfig config) {
        this.resolver = resolver;
        this.requireHttps = config.requireHttps();
        this.allowed = config.allowedHosts().orElse(Set.of()).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The checked target, or a 422 problem: {@code webhook.target-invalid}, {@code -not-https}, {@code -unresolvable}, {@code -not-allowed}. */
    public WebhookTarget check(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (requireHttps && !scheme.equals("https")) {
            throw DomainException.invalid("webhook.target-not-https");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw DomainException.invalid("webhook.target-unresolvable", host);
        }
        if (addresses.isEmpty()) {
            throw DomainException.invalid("webhook.target-unresolvable", host);
        }
        if (!allowed.contains(host) && !allowed.contains(bare) && !addresses.stream().allMatch(AddressRules::isPublic)) {
            throw DomainException.invalid("webhook.target-not-allowed", host);
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        return new WebhookTarget(uri, bare, port, tls, addresses.get(0));
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw DomainException.invalid("webhook.target-invalid");
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                throw DomainException.invalid("webhook.target-invalid");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw DomainException.invalid("webhook.target-invalid");
        }
    }
}
