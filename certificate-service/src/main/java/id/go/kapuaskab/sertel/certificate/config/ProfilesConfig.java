package id.go.kapuaskab.sertel.certificate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * Certificate profiles are data: {@code sertel.profiles.<name>.*}. Each is checked at start-up by
 * {@code ProfileCatalog}; a profile that breaks a rule stops the service with a message naming the key.
 */
@ConfigMapping(prefix = "sertel.profiles")
public interface ProfilesConfig {

    /** {@code sertel.profiles.<name>}: the profiles the issue call may name. */
    @WithParentName
    Map<String, Profile> all();

    interface Profile {
        /** {@code sertel.profiles.<name>.validity} (default P2Y): notAfter - notBefore, before the backdating. */
        @WithDefault("P2Y")
        Period validity();

        /** {@code sertel.profiles.<name>.backdate} (default 5 minutes): notBefore lies this far before issuance, for clients with slow clocks. */
        @WithDefault("PT5M")
        Duration backdate();

        /** {@code sertel.profiles.<name>.key-types} (default EC_P256,EC_P384,RSA_2048,RSA_3072,RSA_4096): subject key types accepted. */
        @WithDefault("EC_P256,EC_P384,RSA_2048,RSA_3072,RSA_4096")
        List<String> keyTypes();

        /** {@code sertel.profiles.<name>.key-usage}: keyUsage bits, e.g. {@code digitalSignature,nonRepudiation}; always critical. */
        List<String> keyUsage();

        /** {@code sertel.profiles.<name>.extended-key-usage}: EKU OIDs or names ({@code emailProtection}, {@code documentSigning}). */
        List<String> extendedKeyUsage();

        /** {@code sertel.profiles.<name>.policy-oid}: the certificate policy OID. */
        String policyOid();

        /** {@code sertel.profiles.<name>.serial-random-bits} (default 127): random bits in the serial; at least 64. */
        @WithDefault("127")
        int serialRandomBits();

        /** {@code sertel.profiles.<name>.locality} (default Kapuas): the subject's L. */
        @WithDefault("Kapuas")
        String locality();

        /** {@code sertel.profiles.<name>.state} (default Kalimantan Tengah): the subject's ST. */
        @WithDefault("Kalimantan Tengah")
        String state();

        /** {@code sertel.profiles.<name>.country} (default ID): the subject's C. */
        @WithDefault("ID")
        String country();
    }
}
