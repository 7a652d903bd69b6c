package id.go.kapuaskab.sertel.certificate.domain;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The answer of the signing path.
 *
 * @param chain the issuing CA first, then the root
 * @param pkcs12 the server-generated key and certificate, only on the first answer of such a request
 * @param created whether this call issued it (false: a replay of the same request)
 */
public record IssuanceResult(Certificate certificate, List<X509Certificate> chain, byte[] pkcs12, boolean created) {
}
