package id.go.kapuaskab.sertel.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;

/**
 * Parses one rendered object as the Kubernetes object of its kind, the way the API server would refuse it:
 * an unknown field anywhere fails, and so does a value of the wrong type.
 *
 * <p>The fabric8 model classes accept unknown fields into an {@code additionalProperties} map through a Jackson
 * any-setter, which would let a misspelled {@code readinesProbe} pass silently. This parser switches the any-setter
 * off, so Jackson's own unknown-property check applies to every nested object. The CloudNativePG resources are not
 * in the fabric8 model: they are checked against {@link CrdSchemas}, then kept as {@link GenericKubernetesResource}.
 */
final class StrictKubernetesParser {

    /** apiVersion and kind of everything the manifests may contain, and the class that models it. */
    static final Map<String, Class<? extends HasMetadata>> TYPED = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class));

    private final ObjectMapper mapper = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** For the custom resources only, after {@link CrdSchemas} checked them: keeps their spec as a map. */
    private final ObjectMapper generic = JsonMapper.builder().build();

    /**
     * @throws IllegalArgumentException naming the object and the first problem, when it is not a valid object of a
     *     known kind
     */
    HasMetadata parse(JsonNode node) {
        String apiVersion = node.path("apiVersion").asText("");
        String kind = node.path("kind").asText("");
        String id = apiVersion + "/" + kind;
        String name = node.path("metadata").path("name").asText("<no name>");
        Class<? extends HasMetadata> type = TYPED.get(id);
        try {
            if (type != null) {
                return mapper.treeToValue(node, type);
            }
            if (CrdSchemas.knows(id)) {
                mapper.treeToValue(node.path("metadata"), ObjectMeta.class);
                CrdSchemas.validate(id, node);
                return generic.treeToValue(node, GenericKubernetesResource.class);
            }
        } catch (Exception e) {
            throw new IllegalArgumentException(kind + " " + name + " is not a valid " + id + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(kind + " " + name + ": " + id
                + " is not a kind these manifests are expected to contain; teach StrictKubernetesParser or CrdSchemas about it");
    }
}
