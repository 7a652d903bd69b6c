package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import id.go.kapuaskab.sertel.testsupport.DebianPackages;
import id.go.kapuaskab.sertel.testsupport.MetricsCatalogue;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The monitoring component (k8s/components/monitoring), as the production overlays render it: every service scraped
 * on its metrics port, the alert rules valid and unit-tested by promtool, every alert with a runbook section that
 * exists, and every query of the rules and the Grafana dashboard naming only metrics of the README's metrics table
 * (which each service's own test checks against what it really exports).
 */
class MonitoringTest {

    private static final Path COMPONENT = Manifests.k8s().resolve("components/monitoring");
    private static final List<String> REQUIRED_ALERTS = List.of("SertelCaCertificateExpiring", "SertelCrlNearNextUpdate",
            "SertelOutboxNotDraining", "SertelRequestsStuckInIssuing", "SertelReminderLag", "SertelHigh5xxRate",
            "SertelReviewQueueOverStandard");
    /** PromQL words that look like metric names but are not. */
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
            "unless", "bool", "offset", "inf", "nan");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static Stream<String> monitoredOverlays() throws Exception {
        return Manifests.overlays().filter(o -> !Manifests.render(o).custom("PrometheusRule").isEmpty());
    }

    @Test
    void theProductionOverlaysAreMonitored() {
        for (String overlay : List.of("production", "production-hsm")) {
            assertThat(Manifests.render(overlay).custom("PrometheusRule")).as(overlay).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("monitoredOverlays")
    void everyServiceIsScrapedOnItsMetricsPort(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        Map<String, ServicePorts.Ports> ports = ServicePorts.fromReadme();
        List<String> problems = new ArrayList<>();
        Set<String> scraped = new TreeSet<>();
        for (GenericKubernetesResource monitor : r.custom("ServiceMonitor")) {
            Map<String, Object> spec = spec(monitor);
            Map<String, String> selector = matchLabels(spec);
            List<Service> selected = r.services().stream().filter(s -> s.getMetadata().getLabels() != null
                    && s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
            if (selected.size() != 1) {
                problems.add("ServiceMonitor " + monitor.getMetadata().getName() + " selects " + selected.size() + " Services");
                continue;
            }
            Service service = selected.get(0);
            for (Map<String, Object> endpoint : list(spec.get("endpoints"))) {
                var port = service.getSpec().getPorts().stream().filter(p -> endpoint.get("port").equals(p.getName())).findFirst();
                if (port.isEmpty() || port.get().getPort() != ports.get(service.getMetadata().getName()).api()) {
                    problems.add("ServiceMonitor " + monitor.getMetadata().getName() + " scrapes port " + endpoint.get("port")
                            + ", not the service port of " + service.getMetadata().getName());
                }
                if (!"/q/metrics".equals(endpoint.get("path"))) {
                    problems.add("ServiceMonitor " + monitor.getMetadata().getName() + " scrapes " + endpoint.get("path"));
                }
            }
            scraped.add(service.getMetadata().getName());
        }
        for (GenericKubernetesResource monitor : r.custom("PodMonitor")) {
            Map<String, Object> spec = spec(monitor);
            Map<String, String> selector = matchLabels(spec);
            List<Deployment> selected = r.deployments().stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
            if (selected.size() != 1) {
                problems.add("PodMonitor " + monitor.getMetadata().getName() + " selects " + selected.size() + " Deployments");
                continue;
            }
            Deployment d = selected.get(0);
            String name = d.getMetadata().getName();
            for (Map<String, Object> endpoint : list(spec.get("podMetricsEndpoints"))) {
                Integer port = Workloads.main(d).getPorts().stream().filter(p -> endpoint.get("port").equals(p.getName()))
                        .map(p -> p.getContainerPort()).findFirst().orElse(null);
                if (port == null || port != NetworkPolicyTest.metricsPort(name, ports) || !"/q/metrics".equals(endpoint.get("path"))) {
                    problems.add("PodMonitor " + monitor.getMetadata().getName() + " scrapes " + endpoint + ", not /q/metrics on "
                            + NetworkPolicyTest.metricsPort(name, ports));
                }
            }
            scraped.add(name);
        }
        assertThat(problems).as(overlay).isEmpty();
        assertThat(scraped).as("%s: services scraped", overlay).containsExactlyInAnyOrderElementsOf(WhoMayCallWhom.API_SERVICES);
    }

    @Test
    void promtoolChecksTheRulesAndTheirUnitTestsPass() throws Exception {
        Path promtool = DebianPackages.ensure("promtool", "prometheus");
        Path dir = Files.createTempDirectory("sertel-rules");
        Files.writeString(dir.resolve("rules.yaml"), new YAMLMapper().writeValueAsString(Map.of("groups", rules().path("spec").path("groups"))));
        Files.copy(COMPONENT.resolve("tests/alerts-test.yaml"), dir.resolve("alerts-test.yaml"));

        String check = run(dir, promtool.toString(), "check", "rules", "rules.yaml");
        assertThat(check).contains("SUCCESS");
        String test = run(dir, promtool.toString(), "test", "rules", "alerts-test.yaml");
        assertThat(test).contains("SUCCESS").doesNotContain("FAILED");

        String tests = Files.readString(COMPONENT.resolve("tests/alerts-test.yaml"));
        for (String alert : alerts().keySet()) {
            assertThat(tests).as("promtool unit test of " + alert).contains("alertname: " + alert + "\n");
        }
    }

    @Test
    void theAlertsOperatorsNeedExistEachWithASeveritySummaryAndARunbookSectionThatExists() throws Exception {
        Map<String, JsonNode> alerts = alerts();
        assertThat(alerts.keySet()).containsAll(REQUIRED_ALERTS);
        List<String> problems = new ArrayList<>();
        alerts.forEach((name, rule) -> {
            String severity = rule.path("labels").path("severity").asText();
            if (!Set.of("warning", "critical").contains(severity)) {
                problems.add(name + ": severity '" + severity + "' is neither warning nor critical");
            }
            if (rule.path("annotations").path("summary").asText().isBlank()) {
                problems.add(name + ": no summary");
            }
            String runbook = rule.path("annotations").path("runbook_url").asText();
            Matcher m = Pattern.compile("(docs/RUNBOOK\\.md|k8s/README\\.md)#([a-z0-9-]+)").matcher(runbook);
            if (!m.matches()) {
                problems.add(name + ": runbook_url '" + runbook + "' is not a section of docs/RUNBOOK.md or k8s/README.md");
                return;
            }
            try {
                if (!anchors(Manifests.project().resolve(m.group(1))).contains(m.group(2))) {
                    problems.add(name + ": " + m.group(1) + " has no section #" + m.group(2));
                }
            } catch (java.io.IOException e) {
                problems.add(name + ": " + e);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theRulesQueryOnlyMetricsOfTheReadmeTable() throws Exception {
        List<String> problems = new ArrayList<>();
        alerts().forEach((name, rule) -> unknownMetrics(rule.path("expr").asText()).forEach(m -> problems.add(name + ": " + m)));
        assertThat(problems).as("metrics the alert rules query that the README's metrics table does not list").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("monitoredOverlays")
    void theDashboardIsValidJsonWhosePanelsQueryOnlyMetricsOfTheReadmeTable(String overlay) throws Exception {
        ConfigMap map = Manifests.render(overlay).configMap("sertel-grafana-dashboard").orElseThrow();
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        String json = map.getData().get("sertel.json");
        assertThat(json).isEqualTo(Files.readString(COMPONENT.resolve("grafana-dashboard.json"), StandardCharsets.UTF_8));
        JsonNode dashboard = new ObjectMapper().readTree(json);
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> problems = new ArrayList<>();
        int queried = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            String title = panel.path("title").asText();
            if (panel.path("targets").isEmpty()) {
                problems.add("panel '" + title + "' has no query");
            }
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                if (expr.isBlank()) {
                    problems.add("panel '" + title + "' has an empty query");
                }
                unknownMetrics(expr).forEach(m -> problems.add("panel '" + title + "': " + m));
                queried++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(queried).isGreaterThan(20);
    }

    @Test
    void theMetricNameCheckFindsAnUnknownMetric() {
        assertThat(unknownMetrics("sum by (job) (rate(sertel_no_such_thing_total{status=~\"5..\"}[5m])) > 0"))
                .singleElement().asString().contains("sertel_no_such_thing_total");
        assertThat(unknownMetrics("histogram_quantile(0.9, sum by (le, step) (rate(sertel_sop_step_duration_seconds_bucket[1d])))")).isEmpty();
    }

    /** The metric names a PromQL expression uses that the README's metrics table does not list. */
    static List<String> unknownMetrics(String expr) {
        Set<String> known = new TreeSet<>();
        MetricsCatalogue.read(Manifests.project().resolve("README.md")).forEach(r -> known.add(r.metric()));
        String stripped = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        stripped = GROUPING.matcher(stripped).replaceAll(" ");
        List<String> unknown = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            String word = m.group();
            int after = m.end();
            while (after < stripped.length() && stripped.charAt(after) == ' ') {
                after++;
            }
            boolean function = after < stripped.length() && stripped.charAt(after) == '(';
            boolean number = m.start() > 0 && Character.isDigit(stripped.charAt(m.start() - 1));
            if (function || number || PROMQL_WORDS.contains(word.toLowerCase())) {
                continue;
            }
            if (!known.contains(MetricsCatalogue.base(word, known))) {
                unknown.add(word + " (in: " + expr + ")");
            }
        }
        return unknown;
    }

    /** The rendered PrometheusRule of the production overlay, as YAML tree. */
    private static JsonNode rules() {
        return Manifests.render("production").all().stream().filter(p -> p.kind().equals("PrometheusRule")).findFirst().orElseThrow().tree();
    }

    private static Map<String, JsonNode> alerts() {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        for (JsonNode group : rules().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.put(rule.path("alert").asText(), rule);
                }
            }
        }
        return alerts;
    }

    /** GitHub's anchors of a Markdown file's headings: lower case, spaces to dashes, punctuation dropped. */
    static Set<String> anchors(Path markdown) throws java.io.IOException {
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase();
                anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource r) {
        return (Map<String, Object>) r.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> matchLabels(Map<String, Object> spec) {
        return (Map<String, String>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
