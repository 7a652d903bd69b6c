package id.go.kapuaskab.sertel.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports each service listens on, from the root README's component table ("8080 (API), 9080 (health, metrics)"),
 * cross-checked against the service's own application.properties where the module is in this tree.
 */
final class ServicePorts {

    /** The API port, and the port of /q/health (the same unless the service has a management interface). */
    record Ports(int api, int health) {
    }

    private ServicePorts() {
    }

    static Map<String, Ports> fromReadme() throws IOException {
        String readme = Files.readString(Manifests.project().resolve("README.md"));
        Map<String, Ports> ports = new LinkedHashMap<>();
        for (Map<String, String> row : MarkdownTables.tableAfter(readme, "## Components")) {
            String component = row.get("component").replace("`", "").strip();
            if (!WhoMayCallWhom.SERVICES.contains(component)) {
                continue;
            }
            Matcher numbers = Pattern.compile("(\\d{2,5})(\\s*\\(([^)]*)\\))?").matcher(row.get("port"));
            Integer api = null;
            Integer health = null;
            while (numbers.find()) {
                int n = Integer.parseInt(numbers.group(1));
                String note = numbers.group(3) == null ? "" : numbers.group(3);
                if (note.contains("health")) {
                    health = n;
                } else if (api == null) {
                    api = n;
                }
            }
            if (api == null) {
                throw new IllegalArgumentException("README component table: no port for " + component + ": " + row);
            }
            ports.put(component, new Ports(api, health == null ? api : health));
        }
        if (!ports.keySet().containsAll(WhoMayCallWhom.SERVICES)) {
            throw new IllegalArgumentException("README component table lacks ports of " + WhoMayCallWhom.SERVICES + ": has " + ports.keySet());
        }
        return ports;
    }

    /** The service's application.properties, when its module is in this tree. */
    static Optional<Properties> applicationProperties(String service) throws IOException {
        Path file = Manifests.project().resolve(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return Optional.of(p);
    }

    static List<String> modulesPresent() {
        return WhoMayCallWhom.SERVICES.stream().filter(s -> Files.isDirectory(Manifests.project().resolve(s))).toList();
    }
}
