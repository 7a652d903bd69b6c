package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.BouncyCastle;
import id.go.kapuaskab.sertel.certificate.domain.CertificateProfile;
import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The checks of a PKCS#10 request, each with its own problem code: size, syntax, key type and size against the
 * profile, weak keys, the proof of possession, and that the request names the applicant's own e-mail address
 * (subject emailAddress or a subjectAltName rfc822Name). CSRs are not secret: the e-mail binds a request to its
 * applicant, since nobody can add a name to someone else's CSR without its private key, so a copied CSR can neither
 * get the copier a certificate for a key they do not hold nor block the key's owner as "key reused". Only the
 * public key is taken into the certificate: the subject comes from the approved snapshot. Whether the key was
 * certified before is a database question and is checked in {@link IssuanceService}.
 */
public final class CsrInspector {

    /** The one part of a CSR we use. */
    public record InspectedKey(SubjectPublicKeyInfo publicKey, KeyType keyType, String fingerprint) {
    }

    private static final BouncyCastleProvider BC = BouncyCastle.PROVIDER;

    private final int maxBytes;

    public CsrInspector(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public InspectedKey inspect(String csr, CertificateProfile profile, String applicantEmail) {
        PKCS10CertificationRequest request = parse(csr);
        SubjectPublicKeyInfo spki = request.getSubjectPublicKeyInfo();
        KeyType type = checkKey(spki, profile);
        checkProofOfPossession(request, spki);
        checkNamesApplicant(request, applicantEmail);
        return new InspectedKey(spki, type, PublicKeys.fingerprint(spki));
    }

    private static void checkNamesApplicant(PKCS10CertificationRequest request, String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("The applicant's e-mail is needed to check a CSR");
        }
        if (!CsrEmails.of(request).contains(email.strip().toLowerCase(Locale.ROOT))) {
            throw DomainException.invalid("csr.email-mismatch", email);
        }
    }

    PKCS10CertificationRequest parse(String csr) {
        if (csr == null || csr.isBlank()) {
            throw new DomainException(ProblemKind.MALFORMED, "csr.malformed");
        }
        if (csr.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new DomainException(ProblemKind.INVALID, "csr.too-large", maxBytes);
        }
        try {
            byte[] der;
            if (csr.contains("-----BEGIN")) {
                try (PEMParser pem = new PEMParser(new StringReader(csr))) {
                    Object o = pem.readObject();
                    if (!(o instanceof PKCS10CertificationRequest r)) {
                        throw new IllegalArgumentException("PEM block is not a certificate request");
                    }
                    der = r.getEncoded();
                }
            } else {
                der = Base64.getMimeDecoder().decode(csr.strip());
            }
            // fromByteArray refuses trailing or missing bytes, so a truncated request never half-parses
            return new PKCS10CertificationRequest(CertificationRequest.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (IOException | RuntimeException e) {
            throw new DomainException(ProblemKind.MALFORMED, "csr.malformed");
        }
    }

    private static KeyType checkKey(SubjectPublicKeyInfo spki, CertificateProfile profile) {
        ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
        KeyType type;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            int bits;
            try {
                bits = PublicKeys.rsa(spki).getModulus().bitLength();
            } catch (IllegalArgumentException e) {
                throw new DomainException(ProblemKind.MALFORMED, "csr.malformed");
            }
            int smallest = profile.keyTypes().stream().filter(t -> !t.isEc()).mapToInt(KeyType::bits).min().orElse(Integer.MAX_VALUE);
            if (bits < smallest) {
                throw DomainException.invalid("csr.key-too-small", String.valueOf(bits), smallest == Integer.MAX_VALUE ? "-" : String.valueOf(smallest));
            }
            type = KeyType.rsa(bits);
            if (type == null || !profile.keyTypes().contains(type)) {
                throw DomainException.invalid("csr.key-type-not-allowed", "RSA " + bits, profile.keyTypes());
            }
            reject(WeakKeys.rsa(PublicKeys.rsa(spki)));
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            type = PublicKeys.typeOf(spki);
            if (type == null || !profile.keyTypes().contains(type)) {
                Object params = spki.getAlgorithm().getParameters();
                throw DomainException.invalid("csr.key-type-not-allowed", "EC " + (params instanceof ASN1ObjectIdentifier o ? o.getId() : "explicit parameters"),
                        profile.keyTypes());
            }
            reject(WeakKeys.ec(spki));
        } else {
            throw DomainException.invalid("csr.key-type-not-allowed", algorithm.getId(), profile.keyTypes());
        }
        return type;
    }

    private static void reject(Optional<String> weakness) {
        weakness.ifPresent(reason -> {
            throw DomainException.invalid("csr.weak-key").with("reason", reason);
        });
    }

    private static void checkProofOfPossession(PKCS10CertificationRequest request, SubjectPublicKeyInfo spki) {
        boolean valid;
        try {
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().setProvider(BC).build(spki);
            valid = request.isSignatureValid(verifier);
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw DomainException.invalid("csr.signature-invalid");
        }
    }
}
