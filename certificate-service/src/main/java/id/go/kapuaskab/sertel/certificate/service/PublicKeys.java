package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Facts about a public key read from its SubjectPublicKeyInfo, without trusting any provider to parse it first. */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** The key type, or null when it is none we know (another algorithm, another curve, explicit curve parameters). */
    public static KeyType typeOf(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return KeyType.rsa(rsa(spki).getModulus().bitLength());
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) && spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) {
            if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
                return KeyType.EC_P256;
            }
            if (SECObjectIdentifiers.secp384r1.equals(curve)) {
                return KeyType.EC_P384;
            }
        }
        return null;
    }

    public static RSAPublicKey rsa(SubjectPublicKeyInfo spki) {
        try {
            return RSAPublicKey.getInstance(spki.parsePublicKey());
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an RSA public key", e);
        }
    }

    /** SHA-256 over the DER SubjectPublicKeyInfo, lower-case hex: the identity of a key across certificates. */
    public static String fingerprint(SubjectPublicKeyInfo spki) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki.getEncoded(ASN1Encoding.DER)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
