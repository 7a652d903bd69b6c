package id.go.kapuaskab.sertel.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hand-written schemas of the CloudNativePG resources the manifests use ({@code Cluster}, {@code ScheduledBackup},
 * and the Barman Cloud plugin's {@code ObjectStore}) and of the Prometheus Operator's ({@code ServiceMonitor},
 * {@code PodMonitor}, {@code PrometheusRule}), which the fabric8 model does not know. They list exactly the
 * fields used here, with their types, required fields and allowed values, as the operator's CRDs define them
 * (postgresql.cnpg.io/v1 as of CloudNativePG 1.30, barmancloud.cnpg.io/v1 of plugin 0.16). A field that is not listed
 * fails: whoever adds one checks it against the CRD reference and adds it here.
 */
final class CrdSchemas {

    private CrdSchemas() {
    }

    /** One node of a schema: checks a value and reports where it is wrong. */
    interface Schema {
        void check(String path, JsonNode value);
    }

    static final Schema STRING = (path, v) -> require(v.isTextual(), path, "must be a string");
    static final Schema INTEGER = (path, v) -> require(v.isIntegralNumber(), path, "must be an integer");
    static final Schema BOOLEAN = (path, v) -> require(v.isBoolean(), path, "must be true or false");
    /** A Kubernetes quantity: "1", "500m", "20Gi", or a plain number. */
    static final Schema QUANTITY = (path, v) -> require((v.isTextual() && v.asText().matches("[0-9]+(\\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|M|G|T)?"))
            || v.isNumber(), path, "must be a quantity such as 500m or 1Gi");
    /** A map of names to string values (labels, PostgreSQL parameters, plugin parameters). */
    static final Schema STRING_MAP = (path, v) -> {
        require(v.isObject(), path, "must be a map");
        v.fields().forEachRemaining(e -> require(e.getValue().isTextual(), path + "." + e.getKey(), "must be a string (quote numbers)"));
    };

    static Schema oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return (path, v) -> require(v.isTextual() && allowed.contains(v.asText()), path, "must be one of " + allowed);
    }

    static Schema matching(String regex, String what) {
        Pattern pattern = Pattern.compile(regex);
        return (path, v) -> require(v.isTextual() && pattern.matcher(v.asText()).matches(), path, "must be " + what);
    }

    static Schema listOf(Schema item) {
        return (path, v) -> {
            require(v.isArray(), path, "must be a list");
            for (int i = 0; i < v.size(); i++) {
                item.check(path + "[" + i + "]", v.get(i));
            }
        };
    }

    /** An object with exactly these fields (unknown ones fail); names ending in {@code !} are required. */
    static Schema object(Object... nameAndSchema) {
        Map<String, Schema> fields = new LinkedHashMap<>();
        Set<String> required = new java.util.HashSet<>();
        for (int i = 0; i < nameAndSchema.length; i += 2) {
            String name = (String) nameAndSchema[i];
            if (name.endsWith("!")) {
                name = name.substring(0, name.length() - 1);
                required.add(name);
            }
            fields.put(name, (Schema) nameAndSchema[i + 1]);
        }
        return (path, v) -> {
            require(v.isObject(), path, "must be an object");
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                require(fields.containsKey(name), path + "." + name, "is not a field this schema knows (known: " + fields.keySet() + ")");
                fields.get(name).check(path + "." + name, v.get(name));
            }
            for (String name : required) {
                require(v.has(name), path + "." + name, "is required");
            }
        };
    }

    private static final Schema SECRET_KEY_REF = object("name!", STRING, "key!", STRING);
    private static final Schema RESOURCES = object(
            "requests", object("cpu", QUANTITY, "memory", QUANTITY),
            "limits", object("cpu", QUANTITY, "memory", QUANTITY));
    private static final Schema COMPRESSION = oneOf("gzip", "bzip2", "snappy", "lz4", "xz", "zstd");

    static final Schema CLUSTER_SPEC = object(
            "instances!", INTEGER,
            "imageName!", STRING,
            "primaryUpdateStrategy", oneOf("unsupervised", "supervised"),
            "enableSuperuserAccess", BOOLEAN,
            "bootstrap!", object("initdb!", object("database!", STRING, "owner!", STRING, "dataChecksums", BOOLEAN)),
            "postgresql", object("parameters", STRING_MAP),
            "storage!", object("size!", QUANTITY, "storageClass", STRING),
            "resources", RESOURCES,
            "affinity", object("enablePodAntiAffinity", BOOLEAN, "topologyKey", STRING),
            "plugins", listOf(object("name!", STRING, "isWALArchiver", BOOLEAN, "enabled", BOOLEAN, "parameters", STRING_MAP)));

    static final Schema SCHEDULED_BACKUP_SPEC = object(
            // CloudNativePG schedules have six fields, seconds first (robfig/cron).
            "schedule!", matching("\\S+( \\S+){5}", "a six-field cron expression (seconds first)"),
            "immediate", BOOLEAN,
            "suspend", BOOLEAN,
            "backupOwnerReference", oneOf("none", "self", "cluster"),
            "cluster!", object("name!", STRING),
            "method", oneOf("barmanObjectStore", "volumeSnapshot", "plugin"),
            "pluginConfiguration", object("name!", STRING, "parameters", STRING_MAP),
            "target", oneOf("primary", "prefer-standby"));

    static final Schema OBJECT_STORE_SPEC = object(
            "retentionPolicy", matching("[1-9][0-9]*[dwm]", "a retention such as 30d, 4w or 6m"),
            "configuration!", object(
                    "destinationPath!", matching("(s3|gs|https?)://.+", "an object-store URL"),
                    "endpointURL", matching("https?://.+", "an http(s) URL"),
                    "s3Credentials", object("accessKeyId!", SECRET_KEY_REF, "secretAccessKey!", SECRET_KEY_REF,
                            "region", SECRET_KEY_REF, "sessionToken", SECRET_KEY_REF),
                    "wal", object("compression", COMPRESSION, "maxParallel", INTEGER),
                    "data", object("compression", COMPRESSION, "jobs", INTEGER)));

    /** Prometheus Operator (monitoring.coreos.com/v1, operator 0.7x): how often and where a target is scraped. */
    private static final Schema DURATION = matching("([0-9]+(ms|s|m|h|d|w|y))+", "a Prometheus duration such as 30s or 1h");
    private static final Schema LABEL_SELECTOR = object("matchLabels", STRING_MAP);
    private static final Schema ENDPOINT = object("port!", STRING, "path!", matching("/.*", "a path"), "interval", DURATION,
            "scrapeTimeout", DURATION, "scheme", oneOf("http", "https"));

    static final Schema SERVICE_MONITOR_SPEC = object("jobLabel", STRING, "selector!", LABEL_SELECTOR, "endpoints!", listOf(ENDPOINT));

    static final Schema POD_MONITOR_SPEC = object("jobLabel", STRING, "selector!", LABEL_SELECTOR, "podMetricsEndpoints!", listOf(ENDPOINT));

    static final Schema PROMETHEUS_RULE_SPEC = object("groups!", listOf(object(
            "name!", STRING,
            "interval", DURATION,
            "rules!", listOf(object("alert", STRING, "record", STRING, "expr!", STRING, "for", DURATION,
                    "labels", STRING_MAP, "annotations", STRING_MAP)))));

    private static final Map<String, Schema> SPECS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", CLUSTER_SPEC,
            "postgresql.cnpg.io/v1/ScheduledBackup", SCHEDULED_BACKUP_SPEC,
            "barmancloud.cnpg.io/v1/ObjectStore", OBJECT_STORE_SPEC,
            "monitoring.coreos.com/v1/ServiceMonitor", SERVICE_MONITOR_SPEC,
            "monitoring.coreos.com/v1/PodMonitor", POD_MONITOR_SPEC,
            "monitoring.coreos.com/v1/PrometheusRule", PROMETHEUS_RULE_SPEC);

    static boolean knows(String apiVersionAndKind) {
        return SPECS.containsKey(apiVersionAndKind);
    }

    /** Checks the top level (apiVersion, kind, metadata, spec only) and the spec against its schema. */
    static void validate(String apiVersionAndKind, JsonNode node) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            require(List.of("apiVersion", "kind", "metadata", "spec").contains(name), name, "is not a top-level field of a custom resource");
        }
        require(node.has("spec"), "spec", "is required");
        SPECS.get(apiVersionAndKind).check("spec", node.get("spec"));
    }

    private static void require(boolean ok, String path, String message) {
        if (!ok) {
            throw new IllegalArgumentException(path + " " + message);
        }
    }
}
