package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Production runs several replicas of everything under an autoscaler and a disruption budget; local runs one. */
class ScalingTest {

    static Stream<String> overlays() throws java.io.IOException {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalersAndBudgetsCoverEveryDeploymentInProductionAndOnlyThere(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        boolean production = overlay.startsWith("production");
        List<String> problems = new ArrayList<>();
        for (Deployment d : r.deployments()) {
            String name = d.getMetadata().getName();
            List<HorizontalPodAutoscaler> hpas = r.autoscalers().stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment") && h.getSpec().getScaleTargetRef().getName().equals(name)).toList();
            List<PodDisruptionBudget> pdbs = r.disruptionBudgets().stream()
                    .filter(p -> NetworkModel.matches(p.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels())).toList();
            if (production) {
                if (hpas.size() != 1) {
                    problems.add(name + ": " + hpas.size() + " autoscalers, expected one");
                } else if (hpas.get(0).getSpec().getMinReplicas() == null || hpas.get(0).getSpec().getMinReplicas() < 2) {
                    problems.add(name + ": autoscaler minReplicas below 2");
                }
                if (pdbs.size() != 1) {
                    problems.add(name + ": " + pdbs.size() + " PodDisruptionBudgets, expected one");
                }
            } else if (!hpas.isEmpty() || !pdbs.isEmpty()) {
                problems.add(name + ": autoscaler or disruption budget outside production");
            }
            if (!hpas.isEmpty() && d.getSpec().getReplicas() != null) {
                problems.add(name + ": sets spec.replicas although an autoscaler owns the count");
            }
            if (overlay.equals("local") && !Integer.valueOf(1).equals(d.getSpec().getReplicas())) {
                problems.add(name + ": local runs one replica, has " + d.getSpec().getReplicas());
            }
        }
        r.autoscalers().forEach(h -> {
            if (r.deployments().stream().noneMatch(d -> d.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()))) {
                problems.add("autoscaler " + h.getMetadata().getName() + " targets a missing Deployment");
            }
        });
        r.disruptionBudgets().forEach(p -> {
            long selected = r.deployments().stream().filter(d -> NetworkModel.matches(p.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels())).count();
            if (selected != 1) {
                problems.add("PodDisruptionBudget " + p.getMetadata().getName() + " selects " + selected + " Deployments");
            }
            if (p.getSpec().getMaxUnavailable() == null && p.getSpec().getMinAvailable() == null) {
                problems.add("PodDisruptionBudget " + p.getMetadata().getName() + " sets neither maxUnavailable nor minAvailable");
            }
        });
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rollingUpdatesNeverDropBelowTheCurrentCount(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);

        assertThat(r.deployments()).as(overlay).allSatisfy(d -> {
            assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        });
    }
}
