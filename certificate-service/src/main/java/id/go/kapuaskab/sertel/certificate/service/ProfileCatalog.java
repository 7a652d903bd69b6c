package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.ProfilesConfig;
import id.go.kapuaskab.sertel.certificate.domain.CertificateProfile;
import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The certificate profiles, checked when the service starts: a profile that breaks a rule throws here, and the
 * service does not start, with a message that names each offending key.
 */
@Startup
@ApplicationScoped
public class ProfileCatalog {

    /** RFC 9336 id-kp-documentSigning. */
    public static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";

    private static final Map<String, Integer> KEY_USAGES = Map.of(
            "digitalSignature", KeyUsage.digitalSignature, "nonRepudiation", KeyUsage.nonRepudiation,
            "keyEncipherment", KeyUsage.keyEncipherment, "dataEncipherment", KeyUsage.dataEncipherment,
            "keyAgreement", KeyUsage.keyAgreement);
    private static final Map<String, String> EKUS = Map.of(
            "emailProtection", KeyPurposeId.id_kp_emailProtection.getId(), "documentSigning", DOCUMENT_SIGNING,
            "clientAuth", KeyPurposeId.id_kp_clientAuth.getId(), "codeSigning", KeyPurposeId.id_kp_codeSigning.getId());

    private final Map<String, CertificateProfile> profiles;

    ProfileCatalog(ProfilesConfig config) {
        this.profiles = validate(config.all());
    }

    public CertificateProfile get(String name) {
        CertificateProfile profile = name == null ? null : profiles.get(name);
        if (profile == null) {
            throw DomainException.invalid("issuance.unknown-profile", name == null ? "" : truncate(name));
        }
        return profile;
    }

    /** The names of the configured profiles. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(profiles.keySet());
    }

    /** Checks every profile and returns them validated; throws one exception that lists every problem found. */
    public static Map<String, CertificateProfile> validate(Map<String, ProfilesConfig.Profile> raw) {
        List<String> errors = new ArrayList<>();
        Map<String, CertificateProfile> result = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            errors.add("no profile is defined (sertel.profiles.<name>.*)");
        }
        for (Map.Entry<String, ProfilesConfig.Profile> e : new TreeMap<>(raw).entrySet()) {
            String key = "sertel.profiles." + e.getKey() + ".";
            ProfilesConfig.Profile p = e.getValue();
            int before = errors.size();
            Period validity = p.validity();
            if (validity.isNegative() || validity.isZero() || validity.toTotalMonths() > 39) {
                errors.add(key + "validity must be positive and at most 39 months, was " + validity);
            }
            if (p.backdate().isNegative() || p.backdate().compareTo(Duration.ofHours(24)) > 0) {
                errors.add(key + "backdate must be between 0 and 24 hours, was " + p.backdate());
            }
            Set<KeyType> keyTypes = EnumSet.noneOf(KeyType.class);
            for (String t : p.keyTypes()) {
                try {
                    keyTypes.add(KeyType.valueOf(t.trim()));
                } catch (IllegalArgumentException ex) {
                    errors.add(key + "key-types: unknown key type '" + t + "'; known: " + List.of(KeyType.values()));
                }
            }
            if (keyTypes.isEmpty()) {
                errors.add(key + "key-types must name at least one key type");
            }
            int usage = 0;
            for (String u : p.keyUsage()) {
                Integer bit = KEY_USAGES.get(u.trim());
                if (bit == null) {
                    errors.add(key + "key-usage: '" + u + "' is not an end-entity key usage; known: " + new TreeMap<>(KEY_USAGES).keySet());
                } else {
                    usage |= bit;
                }
            }
            if (usage == 0) {
                errors.add(key + "key-usage must name at least one key usage");
            }
            List<String> ekus = new ArrayList<>();
            for (String u : p.extendedKeyUsage()) {
                String oid = EKUS.getOrDefault(u.trim(), u.trim());
                if (!isOid(oid)) {
                    errors.add(key + "extended-key-usage: '" + u + "' is neither a known name " + new TreeMap<>(EKUS).keySet() + " nor an OID");
                } else {
                    ekus.add(oid);
                }
            }
            if (!isOid(p.policyOid())) {
                errors.add(key + "policy-oid: '" + p.policyOid() + "' is not an OID");
            }
            if (p.serialRandomBits() < 64 || p.serialRandomBits() > 159) {
                errors.add(key + "serial-random-bits must be between 64 and 159, was " + p.serialRandomBits());
            }
            if (!p.country().matches("[A-Z]{2}")) {
                errors.add(key + "country must be an ISO 3166 two-letter code, was '" + p.country() + "'");
            }
            if (errors.size() == before) {
                result.put(e.getKey(), new CertificateProfile(e.getKey(), validity, p.backdate(), keyTypes, usage, List.copyOf(ekus),
                        p.policyOid(), p.serialRandomBits(), p.locality(), p.state(), p.country()));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Invalid certificate profile configuration; the service will not start:\n  - "
                    + String.join("\n  - ", errors));
        }
        return Map.copyOf(result);
    }

    private static boolean isOid(String s) {
        return s != null && s.matches("[0-2](\\.(0|[1-9][0-9]*))+") && ASN1ObjectIdentifier.tryFromID(s) != null;
    }

    private static String truncate(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
