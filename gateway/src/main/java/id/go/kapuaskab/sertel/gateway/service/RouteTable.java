package id.go.kapuaskab.sertel.gateway.service;

import id.go.kapuaskab.sertel.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which backend serves a public path, and which paths need no token. Built from configuration once.
 * A path is routed only if it is plainly written: no dot segments, no encoded slashes or dots, no
 * matrix parameters, no {@code internal} segment and nothing under {@code /q}, so that no spelling of a
 * path can reach a backend's {@code /internal/**} or management endpoints through the gateway.
 */
@ApplicationScoped
public class RouteTable {

    /** A backend service and the prefix that selected it. */
    public record Backend(String name, String host, int port, boolean tls) {
    }

    public record Match(Backend backend, String prefix) {
    }

    private static final Pattern UNSAFE = Pattern.compile(
            "//|/\\./|/\\.\\./|/\\.{1,2}$|%2[eEfF]|%5[cC]|%00|\\\\|;|[\\x00-\\x1f\\x7f]");

    private final List<Entry> entries;
    private final List<String> publicPaths;
    private final List<Backend> backends;

    private record Entry(String prefix, Backend backend) {
    }

    RouteTable(GatewayConfig config) {
        List<Entry> list = new ArrayList<>();
        List<Backend> all = new ArrayList<>();
        config.routes().forEach((name, route) -> {
            URI uri = URI.create(route.url());
            boolean tls = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
            Backend backend = new Backend(name, uri.getHost(), port, tls);
            all.add(backend);
            for (String prefix : route.prefixes()) {
                list.add(new Entry(stripTrailingSlash(prefix), backend));
            }
        });
        list.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        this.entries = List.copyOf(list);
        this.backends = List.copyOf(all);
        this.publicPaths = List.copyOf(config.publicPaths());
    }

    /** The backend for a raw request path, if it is safe and routed. */
    public Optional<Match> match(String rawPath) {
        if (!isSafe(rawPath)) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (rawPath.equals(e.prefix()) || rawPath.startsWith(e.prefix() + "/")) {
                return Optional.of(new Match(e.backend(), e.prefix()));
            }
        }
        return Optional.empty();
    }

    public boolean isPublic(String rawPath) {
        for (String p : publicPaths) {
            if (p.endsWith("/") ? rawPath.startsWith(p) || rawPath.equals(p.substring(0, p.length() - 1)) : rawPath.equals(p)) {
                return true;
            }
        }
        return false;
    }

    public List<Backend> backends() {
        return backends;
    }

    /** Prefixes served by one backend, for the aggregated OpenAPI document. */
    public List<String> prefixesOf(String backendName) {
        return entries.stream().filter(e -> e.backend().name().equals(backendName)).map(Entry::prefix).toList();
    }

    static boolean isSafe(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/' || UNSAFE.matcher(rawPath).find()) {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.equals("/q") || lower.startsWith("/q/")) {
            return false;
        }
        for (String segment : lower.split("/")) {
            if (segment.equals("internal")) {
                return false;
            }
        }
        return true;
    }

    private static String stripTrailingSlash(String prefix) {
        return prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
