package id.go.kapuaskab.sertel.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a set of NetworkPolicies of one namespace lets through, evaluated the way the Kubernetes NetworkPolicy
 * specification defines it: a pod selected by no policy of a direction is open in that direction; a selected pod
 * admits only what some rule of a selecting policy allows (peers and ports, named ports resolved on the destination
 * pod). An {@code ipBlock} peer is taken to match every address, pods included: the conservative reading, since
 * whether pod addresses fall under an ipBlock depends on the network plugin.
 */
final class NetworkModel {

    /** A pod (or every pod of a workload): where it runs, its labels and its named container ports. */
    record Endpoint(String name, Map<String, String> namespaceLabels, Map<String, String> podLabels, Map<String, Integer> namedPorts) {
    }

    /** A rule of a policy that lets traffic cross the namespace boundary: which port (null: all) and to or from what. */
    record OutsideRule(String policy, Integer port, String protocol, NetworkPolicyPeer peer) {
    }

    private final List<NetworkPolicy> policies;
    private final Map<String, String> ownNamespaceLabels;

    NetworkModel(List<NetworkPolicy> policies, Map<String, String> ownNamespaceLabels) {
        this.policies = policies;
        this.ownNamespaceLabels = ownNamespaceLabels;
    }

    boolean ingressAllowed(Endpoint from, Endpoint to, int port) {
        if (!inside(to)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty() : p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), to, port));
    }

    boolean egressAllowed(Endpoint from, Endpoint to, int port) {
        if (!inside(from)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getEgress() == null ? java.util.stream.Stream.empty() : p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), to, port));
    }

    /** Both ends agree: the source may send and the destination may receive. */
    boolean allowed(Endpoint from, Endpoint to, int port) {
        return egressAllowed(from, to, port) && ingressAllowed(from, to, port);
    }

    /** Ingress rules of policies selecting {@code to} that admit traffic from outside this namespace. */
    List<OutsideRule> ingressFromOutside(Endpoint to) {
        List<OutsideRule> rules = new ArrayList<>();
        for (NetworkPolicy p : selecting(to, "Ingress")) {
            if (p.getSpec().getIngress() != null) {
                p.getSpec().getIngress().forEach(r -> collectOutside(p, r.getFrom(), r.getPorts(), to, rules));
            }
        }
        return rules;
    }

    /** Egress rules of policies selecting {@code from} that let traffic leave this namespace. */
    List<OutsideRule> egressToOutside(Endpoint from) {
        List<OutsideRule> rules = new ArrayList<>();
        for (NetworkPolicy p : selecting(from, "Egress")) {
            if (p.getSpec().getEgress() != null) {
                p.getSpec().getEgress().forEach(r -> collectOutside(p, r.getTo(), r.getPorts(), null, rules));
            }
        }
        return rules;
    }

    /** Whether any policy selects this pod for the direction (default deny makes this true for every pod). */
    boolean isolated(Endpoint pod, String direction) {
        return !selecting(pod, direction).isEmpty();
    }

    private void collectOutside(NetworkPolicy p, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports, Endpoint dest, List<OutsideRule> out) {
        List<NetworkPolicyPeer> outside = new ArrayList<>();
        if (peers == null || peers.isEmpty()) {
            outside.add(null);
        } else {
            peers.stream().filter(this::reachesOutside).forEach(outside::add);
        }
        for (NetworkPolicyPeer peer : outside) {
            if (ports == null || ports.isEmpty()) {
                out.add(new OutsideRule(p.getMetadata().getName(), null, null, peer));
            } else {
                for (NetworkPolicyPort port : ports) {
                    out.add(new OutsideRule(p.getMetadata().getName(), number(port.getPort(), dest), protocol(port), peer));
                }
            }
        }
    }

    /** A peer that matches something outside this namespace: an address block, or a namespace selector matching others. */
    private boolean reachesOutside(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return true;
        }
        LabelSelector ns = peer.getNamespaceSelector();
        if (ns == null) {
            return false;
        }
        // A selector naming exactly this namespace stays inside; anything else may match other namespaces.
        String own = ownNamespaceLabels.get("kubernetes.io/metadata.name");
        boolean onlyOwn = ns.getMatchLabels() != null && own.equals(ns.getMatchLabels().get("kubernetes.io/metadata.name"));
        return !onlyOwn;
    }

    private boolean inside(Endpoint e) {
        return Objects.equals(e.namespaceLabels().get("kubernetes.io/metadata.name"), ownNamespaceLabels.get("kubernetes.io/metadata.name"));
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String direction) {
        if (!inside(pod)) {
            return List.of();
        }
        return policies.stream().filter(p -> matches(p.getSpec().getPodSelector(), pod.podLabels()))
                .filter(p -> types(p).contains(direction)).toList();
    }

    private static List<String> types(NetworkPolicy p) {
        List<String> types = p.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty() ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                return true;
            }
            boolean ns = peer.getNamespaceSelector() == null ? inside(other) : matches(peer.getNamespaceSelector(), other.namespaceLabels());
            boolean pod = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.podLabels());
            if (ns && pod) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint destination, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (!"TCP".equals(protocol(p))) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            Integer first = number(p.getPort(), destination);
            if (first == null) {
                continue;
            }
            int last = p.getEndPort() != null ? p.getEndPort() : first;
            if (port >= first && port <= last) {
                return true;
            }
        }
        return false;
    }

    private static String protocol(NetworkPolicyPort p) {
        return p.getProtocol() == null ? "TCP" : p.getProtocol();
    }

    /** A port number, or a named port resolved on the destination pod (null when it has no such port). */
    private static Integer number(IntOrString port, Endpoint destination) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return destination == null ? null : destination.namedPorts().get(port.getStrVal());
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("Unknown selector operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
