package id.go.kapuaskab.sertel.console.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's static files (ES modules, CSS, message files, images) from the class path folder {@code console/},
 * under a URL that carries the build stamp. Only plainly named files of known types are served: a name is checked
 * against a strict pattern before the class path is asked, so no spelling of a path reaches anything else.
 */
@ApplicationScoped
public class Assets {

    /** One file, read once, with its type and a strong ETag. */
    public record Asset(byte[] content, String contentType, String etag) {
    }

    private static final Pattern NAME = Pattern.compile("(?:[a-z0-9][a-z0-9-]*/){0,4}[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)?\\.(js|css|json|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml");

    private final String build;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    Assets() {
        this.build = readBuild();
    }

    /** The build stamp, e.g. {@code 1.0.0-SNAPSHOT-20261205101500}; part of every asset URL. */
    public String build() {
        return build;
    }

    /** The asset named {@code path} (relative to the assets root), if it exists and is of a served type. */
    public Optional<Asset> find(String path) {
        if (path == null || !NAME.matcher(path).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(path, Assets::load);
    }

    private static Optional<Asset> load(String path) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("console/" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] content = in.readAllBytes();
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return Optional.of(new Asset(content, TYPES.get(extension), "\"" + sha256(content).substring(0, 32) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readBuild() {
        Properties p = new Properties();
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("console-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String stamp = p.getProperty("build", "dev");
        // an unfiltered file (an IDE build) still gives a usable, URL-safe stamp
        return stamp.contains("${") ? "dev" : stamp.replaceAll("[^A-Za-z0-9.-]", "");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
