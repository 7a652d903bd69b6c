package id.go.kapuaskab.sertel.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The workloads of a rendering as the tests see them: endpoints for the network model, containers, environment. */
final class Workloads {

    /** The ports of a CloudNativePG instance pod: PostgreSQL and the instance manager's status endpoint. */
    static final Map<String, Integer> POSTGRES_PORTS = Map.of("postgresql", 5432, "status", 8000);

    private Workloads() {
    }

    /** One environment variable as the container gets it: a literal value, or where it comes from. */
    record Env(String name, String value, String secretName, String secretKey, String configMap) {
        boolean fromSecret() {
            return secretName != null;
        }
    }

    static Namespace namespace(Manifests.Rendered r) {
        List<Namespace> namespaces = r.of(Namespace.class);
        if (namespaces.size() != 1) {
            throw new AssertionError(r + ": expected exactly one Namespace, found " + namespaces.size());
        }
        return namespaces.get(0);
    }

    /** The namespace's labels as the API server has them, including the automatic kubernetes.io/metadata.name. */
    static Map<String, String> namespaceLabels(Manifests.Rendered r) {
        Namespace ns = namespace(r);
        Map<String, String> labels = new LinkedHashMap<>(ns.getMetadata().getLabels() == null ? Map.of() : ns.getMetadata().getLabels());
        labels.put("kubernetes.io/metadata.name", ns.getMetadata().getName());
        return labels;
    }

    static NetworkModel network(Manifests.Rendered r) {
        return new NetworkModel(r.networkPolicies(), namespaceLabels(r));
    }

    static NetworkModel.Endpoint endpoint(Manifests.Rendered r, Deployment d) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
            if (c.getPorts() != null) {
                for (ContainerPort p : c.getPorts()) {
                    ports.put(p.getName() == null ? "#" + p.getContainerPort() : p.getName(), p.getContainerPort());
                }
            }
        }
        return new NetworkModel.Endpoint(d.getMetadata().getName(), namespaceLabels(r), d.getSpec().getTemplate().getMetadata().getLabels(), ports);
    }

    /** Every pod of a CloudNativePG cluster carries the label cnpg.io/cluster with the cluster's name. */
    static NetworkModel.Endpoint endpoint(Manifests.Rendered r, GenericKubernetesResource cluster) {
        String name = cluster.getMetadata().getName();
        return new NetworkModel.Endpoint(name, namespaceLabels(r), Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"), POSTGRES_PORTS);
    }

    static Container main(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(d.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + d.getMetadata().getName() + " has no container of its own name"));
    }

    /** Every container of the pod, init containers included. */
    static Stream<Container> containers(PodSpec pod) {
        return Stream.concat(pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream(), pod.getContainers().stream());
    }

    /**
     * The environment of a container, as the kubelet builds it: envFrom sources in order (a later one wins), then
     * env (which wins over envFrom).
     */
    static Map<String, Env> environment(Manifests.Rendered r, Container c) {
        Map<String, Env> env = new LinkedHashMap<>();
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    String name = from.getConfigMapRef().getName();
                    ConfigMap cm = r.configMap(name).orElseThrow(() -> new AssertionError(r + ": envFrom names a missing ConfigMap " + name));
                    if (cm.getData() != null) {
                        cm.getData().forEach((k, v) -> env.put(k, new Env(k, v, null, null, name)));
                    }
                }
                if (from.getSecretRef() != null) {
                    env.put("*" + from.getSecretRef().getName(), new Env("*", null, from.getSecretRef().getName(), null, null));
                }
            }
        }
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) {
                if (e.getValueFrom() == null) {
                    env.put(e.getName(), new Env(e.getName(), e.getValue(), null, null, null));
                } else if (e.getValueFrom().getSecretKeyRef() != null) {
                    env.put(e.getName(), new Env(e.getName(), null, e.getValueFrom().getSecretKeyRef().getName(), e.getValueFrom().getSecretKeyRef().getKey(), null));
                } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                    String name = e.getValueFrom().getConfigMapKeyRef().getName();
                    String value = r.configMap(name).map(ConfigMap::getData).map(d -> d.get(e.getValueFrom().getConfigMapKeyRef().getKey())).orElse(null);
                    env.put(e.getName(), new Env(e.getName(), value, null, null, name));
                } else {
                    env.put(e.getName(), new Env(e.getName(), null, null, null, null));
                }
            }
        }
        return env;
    }

    /** The names of the env variables in the order the container declares them (for $(VAR) references). */
    static List<String> declaredOrder(Container c) {
        List<String> names = new ArrayList<>();
        if (c.getEnv() != null) {
            c.getEnv().forEach(e -> names.add(e.getName()));
        }
        return names;
    }
}
