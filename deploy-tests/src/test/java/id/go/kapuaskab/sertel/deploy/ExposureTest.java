package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Only the gateway's API port is reachable from outside, over TLS, for the README's public paths. */
class ExposureTest {

    static Stream<String> overlays() throws java.io.IOException {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theOnlyIngressSendsTheReadmePathsToTheGatewayApiOverTls(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        List<String> allowedPaths = WhoMayCallWhom.internetPaths(Files.readString(Manifests.project().resolve("README.md")));
        int apiPort = ServicePorts.fromReadme().get("gateway").api();

        assertThat(r.ingresses()).as(overlay).hasSize(1);
        Ingress ingress = r.ingresses().get(0);
        Set<String> tlsHosts = new java.util.HashSet<>();
        ingress.getSpec().getTls().forEach(t -> {
            assertThat(t.getSecretName()).as("%s: TLS from a referenced Secret", overlay).isNotBlank();
            tlsHosts.addAll(t.getHosts());
        });
        assertThat(ingress.getSpec().getDefaultBackend()).as("%s: no default backend", overlay).isNull();
        List<String> problems = new ArrayList<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (rule.getHost() == null || !tlsHosts.contains(rule.getHost())) {
                problems.add("host " + rule.getHost() + " is not covered by the TLS section");
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                var backend = path.getBackend().getService();
                if (!"gateway".equals(backend.getName())) {
                    problems.add(path.getPath() + " goes to " + backend.getName() + ", only the gateway may be exposed");
                    continue;
                }
                Integer target = servicePortTarget(r, backend.getName(), backend.getPort().getName(), backend.getPort().getNumber());
                if (target == null || target != apiPort) {
                    problems.add(path.getPath() + " reaches gateway port " + target + ", not the API port " + apiPort);
                }
                if (!allowedPaths.contains(path.getPath())) {
                    problems.add(path.getPath() + " is not a path of the README's internet -> gateway row " + allowedPaths);
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesAreClusterInternalAndTheManagementPortIsInNone(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        int management = ServicePorts.fromReadme().get("gateway").health();
        List<String> problems = new ArrayList<>();
        for (Service s : r.services()) {
            String type = s.getSpec().getType();
            if (type != null && !type.equals("ClusterIP")) {
                problems.add(s.getMetadata().getName() + " is of type " + type);
            }
            if (s.getSpec().getExternalIPs() != null && !s.getSpec().getExternalIPs().isEmpty()) {
                problems.add(s.getMetadata().getName() + " has external IPs");
            }
            List<Deployment> backing = r.deployments().stream().filter(d -> NetworkModel.matches(
                    new io.fabric8.kubernetes.api.model.LabelSelector(null, s.getSpec().getSelector()), d.getSpec().getTemplate().getMetadata().getLabels())).toList();
            if (backing.size() != 1) {
                problems.add(s.getMetadata().getName() + " selects " + backing.size() + " Deployments, not one");
                continue;
            }
            for (ServicePort p : s.getSpec().getPorts()) {
                Integer target = resolve(backing.get(0), p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort());
                if (target == null) {
                    problems.add(s.getMetadata().getName() + " port " + p.getName() + " targets no container port");
                } else if (backing.get(0).getMetadata().getName().equals("gateway") && target == management) {
                    problems.add("the gateway's management port " + management + " is published by Service " + s.getMetadata().getName());
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    private static Integer servicePortTarget(Manifests.Rendered r, String service, String portName, Integer portNumber) {
        Service s = r.services().stream().filter(x -> x.getMetadata().getName().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + service));
        ServicePort p = s.getSpec().getPorts().stream()
                .filter(x -> portName != null ? portName.equals(x.getName()) : portNumber.equals(x.getPort())).findFirst().orElse(null);
        if (p == null) {
            return null;
        }
        Deployment d = r.deployments().stream().filter(x -> NetworkModel.matches(new io.fabric8.kubernetes.api.model.LabelSelector(null, s.getSpec().getSelector()),
                x.getSpec().getTemplate().getMetadata().getLabels())).findFirst().orElseThrow();
        return resolve(d, p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort());
    }

    static Integer resolve(Deployment d, IntOrString port) {
        Map<String, Integer> named = new java.util.HashMap<>();
        Workloads.main(d).getPorts().forEach(p -> named.put(p.getName(), p.getContainerPort()));
        if (port.getIntVal() != null) {
            return named.containsValue(port.getIntVal()) ? port.getIntVal() : null;
        }
        return named.get(port.getStrVal());
    }
}
