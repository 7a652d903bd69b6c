package id.go.kapuaskab.sertel.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.sertel.certificate.config.ProfilesConfig;
import id.go.kapuaskab.sertel.certificate.domain.CertificateProfile;
import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.service.ProfileCatalog;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Profiles are data, checked at start-up: the same mapping and the same check the service runs when it starts. */
class ProfileCatalogTest {

    @Test
    void theShippedProfileIsValidAndMatchesTheDomain() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        Map<String, String> profileKeys = new HashMap<>();
        shipped.stringPropertyNames().stream().filter(k -> k.startsWith("sertel.profiles."))
                .forEach(k -> profileKeys.put(k, shipped.getProperty(k)));

        CertificateProfile p = ProfileCatalog.validate(mapping(profileKeys).all()).get("document-signing");

        assertThat(p.validity().toTotalMonths()).isEqualTo(24);
        assertThat(p.extendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36");
        assertThat(p.keyTypes()).contains(KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048);
        assertThat(p.serialRandomBits()).isGreaterThanOrEqualTo(64);
        assertThat(p.locality()).isEqualTo("Kapuas");
        assertThat(p.state()).isEqualTo("Kalimantan Tengah");
        assertThat(p.country()).isEqualTo("ID");
    }

    @Test
    void aBadProfileStopsTheStartWithAMessageNamingEveryBadKey() {
        Map<String, String> bad = new HashMap<>();
        bad.put("sertel.profiles.broken.key-usage", "digitalSignature,keyCertSign");
        bad.put("sertel.profiles.broken.extended-key-usage", "emailProtection,not an oid");
        bad.put("sertel.profiles.broken.policy-oid", "policy-1");
        bad.put("sertel.profiles.broken.serial-random-bits", "32");
        bad.put("sertel.profiles.broken.key-types", "EC_P256,DSA_1024");
        bad.put("sertel.profiles.broken.validity", "P5Y");
        bad.put("sertel.profiles.broken.country", "Indonesia");

        assertThatThrownBy(() -> ProfileCatalog.validate(mapping(bad).all()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the service will not start")
                .hasMessageContaining("sertel.profiles.broken.key-usage: 'keyCertSign' is not an end-entity key usage")
                .hasMessageContaining("sertel.profiles.broken.extended-key-usage: 'not an oid'")
                .hasMessageContaining("sertel.profiles.broken.policy-oid: 'policy-1' is not an OID")
                .hasMessageContaining("sertel.profiles.broken.serial-random-bits must be between 64 and 159")
                .hasMessageContaining("sertel.profiles.broken.key-types: unknown key type 'DSA_1024'")
                .hasMessageContaining("sertel.profiles.broken.validity must be positive and at most 39 months")
                .hasMessageContaining("sertel.profiles.broken.country must be an ISO 3166 two-letter code");
    }

    @Test
    void noProfileAtAllIsRefused() {
        assertThatThrownBy(() -> ProfileCatalog.validate(Map.of())).hasMessageContaining("no profile is defined");
    }

    private static ProfilesConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(ProfilesConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withDefaultValue("CA_POLICY_OID", "1.2.3.4")
                .build();
        return config.getConfigMapping(ProfilesConfig.class);
    }
}
