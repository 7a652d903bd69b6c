package id.go.kapuaskab.sertel.console.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The one HTML page every console address answers with: a shell that names the build's stylesheet and entry module
 * and carries the settings the scripts need as {@code meta} elements (no inline script, so a strict CSP holds). Its
 * few words (title, the note for browsers without JavaScript) come from the same message files as the scripts'.
 */
@ApplicationScoped
public class Shell {

    private final String template;
    private final Map<String, Map<String, String>> texts;
    private final ConsoleConfig config;
    private final Assets assets;

    Shell(ConsoleConfig config, Assets assets, ObjectMapper json) {
        this.config = config;
        this.assets = assets;
        this.template = read("shell/index.html");
        try {
            TypeReference<Map<String, String>> type = new TypeReference<>() {
            };
            this.texts = Map.of("id", json.readValue(read("console/i18n/id.json"), type), "en", json.readValue(read("console/i18n/en.json"), type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code id} unless the browser prefers English; the scripts then follow the user's own choice. */
    public static String language(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "id";
    }

    public String render(String language) {
        Map<String, String> t = texts.get(language);
        return template.replace("{{lang}}", language)
                .replace("{{title}}", escape(t.get("app.title")))
                .replace("{{noscript}}", escape(t.get("app.noscript")))
                .replace("{{assets}}", "/console/assets/" + assets.build())
                .replace("{{clientId}}", escape(config.clientId()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String read(String resource) {
        try (InputStream in = Shell.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
