package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every pod must be: probed on its real health endpoints, bounded in resources, hardened, on a pinned image. */
class PodPolicyTest {

    static java.util.stream.Stream<String> overlays() throws java.io.IOException {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskTheHealthEndpointsOnTheHealthPort(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        Map<String, ServicePorts.Ports> ports = ServicePorts.fromReadme();
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.deployments()) {
            String name = d.getMetadata().getName();
            Container c = Workloads.main(d);
            int healthPort = ports.get(name).health();
            check(problems, name, "startupProbe", c.getStartupProbe(), "/q/health/started", healthPort, c);
            check(problems, name, "readinessProbe", c.getReadinessProbe(), "/q/health/ready", healthPort, c);
            check(problems, name, "livenessProbe", c.getLivenessProbe(), "/q/health/live", healthPort, c);
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    private static void check(List<String> problems, String name, String which, Probe probe, String path, int port, Container c) {
        if (probe == null || probe.getHttpGet() == null) {
            problems.add(name + ": no HTTP " + which);
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            problems.add(name + ": " + which + " asks " + probe.getHttpGet().getPath() + ", not " + path);
        }
        Integer resolved = probe.getHttpGet().getPort().getIntVal() != null ? probe.getHttpGet().getPort().getIntVal()
                : c.getPorts().stream().filter(p -> probe.getHttpGet().getPort().getStrVal().equals(p.getName()))
                        .map(io.fabric8.kubernetes.api.model.ContainerPort::getContainerPort).findFirst().orElse(null);
        if (resolved == null || resolved != port) {
            problems.add(name + ": " + which + " on port " + probe.getHttpGet().getPort() + " (" + resolved + "), health is served on " + port);
        }
    }

    @Test
    void healthPortsOfTheReadmeAreTheServicesOwn() throws Exception {
        Map<String, ServicePorts.Ports> ports = ServicePorts.fromReadme();
        for (String service : ServicePorts.modulesPresent()) {
            Properties p = ServicePorts.applicationProperties(service).orElseThrow();
            assertThat(Integer.parseInt(p.getProperty("quarkus.http.port"))).as("%s quarkus.http.port", service).isEqualTo(ports.get(service).api());
            if (Boolean.parseBoolean(p.getProperty("quarkus.management.enabled"))) {
                assertThat(Integer.parseInt(p.getProperty("quarkus.management.port"))).as("%s management port", service)
                        .isEqualTo(ports.get(service).health());
            } else {
                assertThat(ports.get(service).health()).as("%s serves health on its API port", service).isEqualTo(ports.get(service).api());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void containersListenOnTheReadmePorts(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        Map<String, ServicePorts.Ports> ports = ServicePorts.fromReadme();
        for (Deployment d : r.deployments()) {
            ServicePorts.Ports expected = ports.get(d.getMetadata().getName());
            assertThat(Workloads.main(d).getPorts()).extracting(io.fabric8.kubernetes.api.model.ContainerPort::getContainerPort)
                    .as("%s %s", overlay, d.getMetadata().getName())
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.of(expected.api(), expected.health()).distinct().toList());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimits(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.deployments()) {
            Workloads.containers(d.getSpec().getTemplate().getSpec()).forEach(c -> {
                String id = d.getMetadata().getName() + "/" + c.getName();
                var res = c.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = res == null || res.getRequests() == null ? null : res.getRequests().get(resource);
                    Quantity limit = res == null || res.getLimits() == null ? null : res.getLimits().get(resource);
                    if (request == null || limit == null) {
                        problems.add(id + ": " + resource + " request and limit required");
                    } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                        problems.add(id + ": " + resource + " request " + request + " above limit " + limit);
                    }
                }
            });
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsRunHardened(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.deployments()) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            if (psc == null || !Boolean.TRUE.equals(psc.getRunAsNonRoot())) {
                problems.add(name + ": pod securityContext.runAsNonRoot must be true");
            }
            if (psc != null && psc.getRunAsUser() != null && psc.getRunAsUser() == 0) {
                problems.add(name + ": pod runs as uid 0");
            }
            boolean podSeccomp = psc != null && psc.getSeccompProfile() != null && "RuntimeDefault".equals(psc.getSeccompProfile().getType());
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(name + ": automountServiceAccountToken must be false (the services never call the Kubernetes API)");
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
                problems.add(name + ": host namespaces");
            }
            pod.getVolumes().stream().filter(v -> v.getHostPath() != null).forEach(v -> problems.add(name + ": hostPath volume " + v.getName()));
            Workloads.containers(pod).forEach(c -> {
                String id = name + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                if (sc == null) {
                    problems.add(id + ": no securityContext");
                    return;
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    problems.add(id + ": allowPrivilegeEscalation must be false");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(id + ": readOnlyRootFilesystem must be true");
                }
                if (Boolean.TRUE.equals(sc.getPrivileged())) {
                    problems.add(id + ": privileged");
                }
                if (sc.getRunAsUser() != null && sc.getRunAsUser() == 0) {
                    problems.add(id + ": runs as uid 0");
                }
                if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null || !sc.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(id + ": capabilities must drop ALL");
                }
                if (sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null && !sc.getCapabilities().getAdd().isEmpty()) {
                    problems.add(id + ": adds capabilities " + sc.getCapabilities().getAdd());
                }
                boolean seccomp = podSeccomp || sc.getSeccompProfile() != null && "RuntimeDefault".equals(sc.getSeccompProfile().getType());
                if (!seccomp) {
                    problems.add(id + ": seccompProfile RuntimeDefault required (pod or container)");
                }
            });
            Container main = Workloads.main(d);
            boolean tmp = main.getVolumeMounts() != null && main.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")
                    && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
            if (!tmp) {
                problems.add(name + ": /tmp must be a writable emptyDir (the root filesystem is read-only)");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesArePinnedNeverLatest(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        List<String> images = new ArrayList<>();
        r.deployments().forEach(d -> Workloads.containers(d.getSpec().getTemplate().getSpec()).forEach(c -> images.add(c.getImage())));
        r.postgresClusters().forEach(c -> images.add(String.valueOf(((Map<?, ?>) c.getAdditionalProperties().get("spec")).get("imageName"))));

        assertThat(images).as(overlay).isNotEmpty().allSatisfy(image -> assertThat(pinned(image)).as("image %s is pinned to a version", image).isTrue());
    }

    @Test
    void pinnedMeansAVersionTagOrADigest() {
        assertThat(pinned("registry.kapuaskab.go.id:5000/sertel/gateway:1.0.0")).isTrue();
        assertThat(pinned("sertel/gateway@sha256:" + "a".repeat(64))).isTrue();
        assertThat(pinned("sertel/gateway")).isFalse();
        assertThat(pinned("sertel/gateway:latest")).isFalse();
        assertThat(pinned("registry.kapuaskab.go.id:5000/sertel/gateway")).isFalse();
    }

    static boolean pinned(String image) {
        if (image == null || image.isBlank()) {
            return false;
        }
        if (image.matches(".+@sha256:[0-9a-f]{64}")) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.lastIndexOf(':');
        return colon > 0 && !last.substring(colon + 1).isBlank() && !last.substring(colon + 1).equals("latest");
    }
}
