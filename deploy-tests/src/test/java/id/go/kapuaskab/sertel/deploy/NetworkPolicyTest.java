package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.deploy.WhoMayCallWhom.Pair;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicies implement the root README's "Who may call whom" table exactly: the pairs they allow are
 * computed from the rendered policies (both the caller's egress and the callee's ingress must allow a call) and
 * compared with the pairs parsed from the README, both ways.
 */
class NetworkPolicyTest {

    /** Webhook receivers of regional systems are reached over https only. */
    static final int WEBHOOK_PORT = 443;

    static Stream<String> overlays() throws java.io.IOException {
        return Manifests.overlays();
    }

    private static Set<Pair> readmePairs() throws Exception {
        return WhoMayCallWhom.parse(Files.readString(Manifests.project().resolve("README.md")));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theNamespaceDeniesEverythingByDefault(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);

        assertThat(r.networkPolicies()).as(overlay).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void policiesAllowExactlyThePairsOfTheReadmeTable(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        NetworkModel net = Workloads.network(r);
        Map<String, NetworkModel.Endpoint> services = services(r);
        Set<Pair> expected = readmePairs().stream().filter(p -> !WhoMayCallWhom.OUTSIDE.contains(p.caller())).collect(Collectors.toSet());

        Set<Pair> both = pairs(services, (from, to) -> anyPort(to, port -> net.allowed(from, to, port)));
        Set<Pair> sending = pairs(services, (from, to) -> anyPort(to, port -> net.egressAllowed(from, to, port)));
        Set<Pair> receiving = pairs(services, (from, to) -> anyPort(to, port -> net.ingressAllowed(from, to, port)));

        assertThat(both).as("%s: calls the policies allow (egress and ingress), compared with the README table", overlay)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sending).as("%s: calls the callers' egress rules allow", overlay).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(receiving).as("%s: calls the callees' ingress rules allow", overlay).containsExactlyInAnyOrderElementsOf(expected);

        Map<String, ServicePorts.Ports> ports = ServicePorts.fromReadme();
        for (Pair p : expected) {
            int api = ports.get(p.callee()).api();
            assertThat(net.allowed(services.get(p.caller()), services.get(p.callee()), api))
                    .as("%s: %s on the callee's API port %d", overlay, p, api).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void fromOutsideOnlyTheIngressControllerReachesTheGatewayApiAndPrometheusTheMetricsPorts(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        NetworkModel net = Workloads.network(r);
        Map<String, NetworkModel.Endpoint> services = services(r);
        Set<String> fromInternet = callees(WhoMayCallWhom.INTERNET);
        Set<String> fromMonitoring = callees(WhoMayCallWhom.MONITORING);
        Map<String, ServicePorts.Ports> ports = ServicePorts.fromReadme();

        Map<String, List<NetworkModel.OutsideRule>> outside = new LinkedHashMap<>();
        services.forEach((name, e) -> {
            if (!net.ingressFromOutside(e).isEmpty()) {
                outside.put(name, net.ingressFromOutside(e));
            }
        });

        Set<String> expected = new TreeSet<>(fromInternet);
        expected.addAll(fromMonitoring);
        assertThat(outside.keySet()).as("%s: services that admit traffic from outside the namespace", overlay)
                .containsExactlyInAnyOrderElementsOf(expected);
        List<String> problems = new ArrayList<>();
        outside.forEach((name, rules) -> {
            for (NetworkModel.OutsideRule rule : rules) {
                if (rule.peer() == null || rule.peer().getIpBlock() != null || rule.peer().getNamespaceSelector() == null
                        || rule.peer().getNamespaceSelector().getMatchLabels() == null
                        || rule.peer().getNamespaceSelector().getMatchLabels().isEmpty()) {
                    problems.add(name + ": " + rule.policy() + " admits from outside without naming the namespace");
                } else if (prometheus(rule)) {
                    int metrics = metricsPort(name, ports);
                    if (!fromMonitoring.contains(name) || rule.port() == null || rule.port() != metrics) {
                        problems.add(name + ": " + rule.policy() + " admits Prometheus on port " + rule.port() + ", not only the metrics port " + metrics);
                    }
                } else if (!fromInternet.contains(name) || rule.port() == null || rule.port() != ports.get(name).api()) {
                    problems.add(name + ": " + rule.policy() + " admits from outside on port " + rule.port() + " (only the internet row's API port may be)");
                }
            }
        });
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewayManagementPortIsReachableOnlyFromPrometheus(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        NetworkModel net = Workloads.network(r);
        Map<String, NetworkModel.Endpoint> services = services(r);
        int management = ServicePorts.fromReadme().get("gateway").health();
        NetworkModel.Endpoint gateway = services.get("gateway");

        assertThat(net.ingressFromOutside(gateway)).as(overlay)
                .noneMatch(rule -> rule.port() == null || (rule.port() == management && !prometheus(rule)));
        assertThat(services.values()).as(overlay).noneMatch(from -> from != gateway && net.ingressAllowed(from, gateway, management));
    }

    /** Where Prometheus scrapes a service: the gateway's management port, the others' service port. */
    static int metricsPort(String service, Map<String, ServicePorts.Ports> ports) {
        return service.equals("gateway") ? ports.get("gateway").health() : ports.get(service).api();
    }

    /** A rule whose peer is Prometheus's pods in the monitoring namespace. */
    static boolean prometheus(NetworkModel.OutsideRule rule) {
        return rule.peer() != null && rule.peer().getNamespaceSelector() != null && rule.peer().getNamespaceSelector().getMatchLabels() != null
                && WhoMayCallWhom.MONITORING.equals(rule.peer().getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                && rule.peer().getPodSelector() != null && rule.peer().getPodSelector().getMatchLabels() != null
                && !rule.peer().getPodSelector().getMatchLabels().isEmpty();
    }

    private static Set<String> callees(String caller) throws Exception {
        return readmePairs().stream().filter(p -> p.caller().equals(caller)).map(Pair::callee).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceReachesOnlyItsOwnDatabaseAndDatabasesReachNoService(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        NetworkModel net = Workloads.network(r);
        Map<String, NetworkModel.Endpoint> services = services(r);
        Map<String, NetworkModel.Endpoint> databases = new LinkedHashMap<>();
        for (GenericKubernetesResource c : r.postgresClusters()) {
            databases.put(c.getMetadata().getName(), Workloads.endpoint(r, c));
        }
        Set<Pair> expected = new TreeSet<>(java.util.Comparator.comparing(Pair::toString));
        for (Deployment d : r.deployments()) {
            DatabaseTest.ownCluster(r, d).ifPresent(cluster -> expected.add(new Pair(d.getMetadata().getName(), cluster)));
        }

        Set<Pair> actual = new TreeSet<>(java.util.Comparator.comparing(Pair::toString));
        services.forEach((s, se) -> databases.forEach((c, ce) -> {
            if (Workloads.POSTGRES_PORTS.values().stream().anyMatch(port -> net.allowed(se, ce, port))) {
                actual.add(new Pair(s, c));
            }
        }));
        assertThat(actual).as("%s: service -> database pairs", overlay).containsExactlyInAnyOrderElementsOf(expected);
        databases.forEach((c, ce) -> {
            services.forEach((s, se) -> assertThat(anyPort(se, port -> net.allowed(ce, se, port))).as("%s: %s -> %s", overlay, c, s).isFalse());
            databases.forEach((c2, ce2) -> assertThat(c.equals(c2) || Workloads.POSTGRES_PORTS.values().stream().noneMatch(port -> net.allowed(ce, ce2, port)))
                    .as("%s: %s -> %s", overlay, c, c2).isTrue());
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void trafficLeavesTheNamespaceOnlyForDnsSmtpWebhooksAndTheHsm(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        NetworkModel net = Workloads.network(r);
        Map<String, Set<Integer>> actual = new LinkedHashMap<>();
        Map<String, Set<Integer>> expected = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.deployments()) {
            String name = d.getMetadata().getName();
            Map<String, Workloads.Env> env = Workloads.environment(r, Workloads.main(d));
            Set<Integer> ports = new TreeSet<>();
            for (NetworkModel.OutsideRule rule : net.egressToOutside(Workloads.endpoint(r, d))) {
                if (rule.port() == null) {
                    problems.add(name + ": policy " + rule.policy() + " lets it leave the namespace on every port");
                } else if (rule.port() == 53) {
                    if (rule.peer() == null || rule.peer().getIpBlock() != null
                            || !"kube-system".equals(rule.peer().getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))) {
                        problems.add(name + ": port 53 allowed to something other than the cluster DNS in kube-system (" + rule.policy() + ")");
                    }
                } else {
                    ports.add(rule.port());
                }
            }
            actual.put(name, ports);
            Set<Integer> allowed = new TreeSet<>();
            if (env.containsKey("SMTP_PORT")) {
                allowed.add(Integer.parseInt(env.get("SMTP_PORT").value()));
            }
            if (env.containsKey("WEBHOOK_SECRET_KEY")) {
                // The webhook sender (notification-service): receivers of regional systems, https only.
                allowed.add(WEBHOOK_PORT);
            }
            if (env.containsKey("CA_KEYSTORE_TYPE") && "PKCS11".equals(env.get("CA_KEYSTORE_TYPE").value())) {
                // The HSM: a network device at a site-specific port, so any port, but to a named address only.
                List<NetworkModel.OutsideRule> hsm = net.egressToOutside(Workloads.endpoint(r, d)).stream()
                        .filter(rule -> rule.port() != null && rule.port() != 53).toList();
                if (hsm.isEmpty()) {
                    problems.add(name + ": with PKCS#11 it needs egress to the HSM");
                }
                hsm.forEach(rule -> {
                    if (rule.peer() == null || rule.peer().getIpBlock() == null || rule.peer().getIpBlock().getCidr().endsWith("/0")) {
                        problems.add(name + ": HSM egress (" + rule.policy() + ") must go to the HSM's address, not everywhere");
                    }
                    allowed.add(rule.port());
                });
            }
            expected.put(name, allowed);
        }
        assertThat(problems).as(overlay).isEmpty();
        assertThat(actual).as("%s: ports on which each service may leave the namespace (besides DNS)", overlay).isEqualTo(expected);
        assertThat(actual.get("notification-service")).as("%s: notification-service reaches its SMTP relay and webhook receivers", overlay)
                .contains(WEBHOOK_PORT).hasSizeGreaterThan(1);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodMayResolveNamesThroughTheClusterDns(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        NetworkModel net = Workloads.network(r);
        NetworkModel.Endpoint dns = new NetworkModel.Endpoint("kube-dns", Map.of("kubernetes.io/metadata.name", "kube-system"),
                Map.of("k8s-app", "kube-dns"), Map.of("dns-tcp", 53));
        List<NetworkModel.Endpoint> pods = new ArrayList<>(services(r).values());
        r.postgresClusters().forEach(c -> pods.add(Workloads.endpoint(r, c)));

        assertThat(pods).as(overlay).allSatisfy(pod -> assertThat(net.egressAllowed(pod, dns, 53)).as("%s -> DNS", pod.name()).isTrue());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void configuredServiceUrlsNameOnlyAllowedCallees(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        Set<Pair> allowed = readmePairs();
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        r.services().forEach(s -> servicePorts.put(s.getMetadata().getName(), s.getSpec().getPorts().get(0).getPort()));
        String publicHost = r.ingresses().get(0).getSpec().getRules().get(0).getHost();
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.deployments()) {
            String name = d.getMetadata().getName();
            Map<String, Workloads.Env> env = Workloads.environment(r, Workloads.main(d));
            env.values().stream().filter(e -> e.name().endsWith("_URL") && e.value() != null && e.value().startsWith("http")).forEach(e -> {
                URI uri = URI.create(e.value());
                String host = uri.getHost();
                if (host.equals("localhost") || host.equals("127.0.0.1")) {
                    if (uri.getPort() != Workloads.main(d).getPorts().get(0).getContainerPort()) {
                        problems.add(name + " " + e.name() + "=" + e.value() + ": loopback, but not its own port");
                    }
                } else if (servicePorts.containsKey(host)) {
                    if (!allowed.contains(new Pair(name, host))) {
                        problems.add(name + " " + e.name() + "=" + e.value() + ": " + name + " -> " + host + " is not in the README table");
                    }
                    if (uri.getPort() != servicePorts.get(host)) {
                        problems.add(name + " " + e.name() + "=" + e.value() + ": Service " + host + " listens on " + servicePorts.get(host));
                    }
                } else if (!host.equals(publicHost)) {
                    problems.add(name + " " + e.name() + "=" + e.value() + ": neither a Service, its own loopback, nor the public host " + publicHost);
                }
            });
            Workloads.Env issuer = env.get("AUTH_ISSUER");
            // the web console verifies no token (the browser sends the person's token to the API, not to it)
            if (WhoMayCallWhom.API_SERVICES.contains(name) && (issuer == null || !issuer.value().equals("https://" + publicHost + "/api/v1/auth"))) {
                problems.add(name + ": AUTH_ISSUER must be the public auth URL https://" + publicHost + "/api/v1/auth, is " + (issuer == null ? null : issuer.value()));
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    private static Map<String, NetworkModel.Endpoint> services(Manifests.Rendered r) {
        Map<String, NetworkModel.Endpoint> services = new LinkedHashMap<>();
        r.deployments().forEach(d -> services.put(d.getMetadata().getName(), Workloads.endpoint(r, d)));
        return services;
    }

    private static Set<Pair> pairs(Map<String, NetworkModel.Endpoint> services, BiPredicate<NetworkModel.Endpoint, NetworkModel.Endpoint> allowed) {
        Set<Pair> pairs = new java.util.LinkedHashSet<>();
        services.forEach((from, fe) -> services.forEach((to, te) -> {
            if (!from.equals(to) && allowed.test(fe, te)) {
                pairs.add(new Pair(from, to));
            }
        }));
        return pairs;
    }

    private static boolean anyPort(NetworkModel.Endpoint to, java.util.function.IntPredicate allowed) {
        return to.namedPorts().values().stream().anyMatch(allowed::test);
    }
}
