package id.go.kapuaskab.sertel.certificate.domain;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * A validated certificate profile: the policy handed to the signing path. Built from configuration by
 * {@code ProfileCatalog}, which refuses to start the service when one is inconsistent.
 *
 * @param keyUsage the keyUsage bits as in RFC 5280 (BouncyCastle's {@code KeyUsage} constants)
 * @param extendedKeyUsage EKU OIDs in dotted form
 */
public record CertificateProfile(String name, Period validity, Duration backdate, Set<KeyType> keyTypes, int keyUsage,
                                 List<String> extendedKeyUsage, String policyOid, int serialRandomBits,
                                 String locality, String state, String country) {
}
