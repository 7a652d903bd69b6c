package id.go.kapuaskab.sertel.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, and every object in it is a valid object of its kind (unknown fields and wrong types fail). */
class ManifestParsingTest {

    static java.util.stream.Stream<String> overlays() throws java.io.IOException {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectParsesAsAValidObjectOfItsKind(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);

        assertThat(r.all()).as("%s renders objects", overlay).isNotEmpty();
        assertThat(r.all().stream().filter(p -> p.error() != null).map(Manifests.Parsed::error))
                .as("%s: objects that are not valid objects of their kind", overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersTheFiveServicesInOneNamespace(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        String namespace = Workloads.namespace(r).getMetadata().getName();

        assertThat(r.deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(WhoMayCallWhom.SERVICES);
        assertThat(r.all().stream().map(Manifests.Parsed::object).filter(o -> o != null && !(o instanceof Namespace))
                .filter(o -> !namespace.equals(o.getMetadata().getNamespace())).map(o -> o.getKind() + " " + o.getMetadata().getName()))
                .as("%s: objects outside the namespace %s", overlay, namespace).isEmpty();
        assertThat(r.all().stream().map(Manifests.Parsed::object).filter(o -> o != null)
                .filter(o -> o.getMetadata().getLabels() == null || !"sertel".equals(o.getMetadata().getLabels().get("app.kubernetes.io/part-of")))
                .map(o -> o.getKind() + " " + o.getMetadata().getName()))
                .as("%s: objects without app.kubernetes.io/part-of=sertel", overlay).isEmpty();
    }

    @Test
    void strictParserRefusesAMisspelledField() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}
                """;

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readinesProbe");
    }

    @Test
    void strictParserRefusesAValueOfTheWrongType() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: two
                  selector: {matchLabels: {a: b}}
                  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: x, image: "x:1"}]}}
                """;

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas");
    }

    @Test
    void strictParserRefusesAnUnknownKindAndAnUnknownFieldOfACustomResource() {
        String unknownKind = """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """;
        String badCluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg}
                spec:
                  instances: 1
                  imageName: ghcr.io/cloudnative-pg/postgresql:17.11-minimal-trixie
                  bootstrap: {initdb: {database: d, owner: o}}
                  storage: {size: 1Gi}
                  backup: {barmanObjectStore: {destinationPath: "s3://b"}}
                """;

        assertThatThrownBy(() -> parse(unknownKind)).hasMessageContaining("example.com/v1/Widget");
        assertThatThrownBy(() -> parse(badCluster)).hasMessageContaining("spec.backup");
    }

    @Test
    void strictParserAcceptsAValidDeployment() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          resources: {limits: {cpu: "1", memory: 512Mi}}
                          readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
                """;

        assertThat(parse(yaml)).isInstanceOf(Deployment.class);
    }

    private static HasMetadata parse(String yaml) {
        List<com.fasterxml.jackson.databind.JsonNode> docs = Manifests.documents(yaml);
        return new StrictKubernetesParser().parse(docs.get(0));
    }
}
