package id.go.kapuaskab.sertel.certificate;

import id.go.kapuaskab.sertel.certificate.config.BouncyCastle;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/** Key pairs and PKCS#10 requests for tests, good and hostile. */
public final class Csrs {

    static final BouncyCastleProvider BC = BouncyCastle.PROVIDER;

    private Csrs() {
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsa(int bits, long exponent) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", BC);
            g.initialize(new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(exponent)));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String p256() {
        return pem(ec("secp256r1"));
    }

    /** A CSR of this key pair naming {@link Issue#EMAIL} in its SAN, with a subject the CA must ignore. */
    public static String pem(KeyPair keys) {
        return pem(keys, Issue.EMAIL);
    }

    /** A CSR of this key pair naming {@code email} in its SAN (none when null). */
    public static String pem(KeyPair keys, String email) {
        return pem(build(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), keys.getPrivate(), email));
    }

    /** A CSR of this key pair naming {@code email} only as the subject's emailAddress attribute. */
    public static String withSubjectEmail(KeyPair keys, String email) {
        try {
            X500Name subject = new X500Name("CN=Budi,E=" + email);
            return pem(new PKCS10CertificationRequestBuilder(subject, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSR that names one public key and is signed by another private key. */
    public static String signedByOther(KeyPair named, PrivateKey signer) {
        return pem(build(SubjectPublicKeyInfo.getInstance(named.getPublic().getEncoded()), signer, Issue.EMAIL));
    }

    /** A CSR carrying an EC P-256 "public key" that is not a point of the curve. */
    public static String offCurvePoint() {
        KeyPair real = ec("secp256r1");
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(real.getPublic().getEncoded());
        byte[] point = spki.getPublicKeyData().getOctets();
        point[point.length - 1] ^= 0x01;
        SubjectPublicKeyInfo bad = new SubjectPublicKeyInfo(spki.getAlgorithm(), new DERBitString(point));
        return pem(build(bad, real.getPrivate(), Issue.EMAIL));
    }

    static PKCS10CertificationRequest build(SubjectPublicKeyInfo key, PrivateKey signer, String email) {
        try {
            String alg = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            PKCS10CertificationRequestBuilder b = new PKCS10CertificationRequestBuilder(new X500Name("CN=Mallory,O=Evil Corp,C=XX"), key);
            if (email != null) {
                b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(new Extension(Extension.subjectAlternativeName,
                        false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)).getEncoded())));
            }
            return b.build(new JcaContentSignerBuilder(alg).setProvider(BC).build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(PKCS10CertificationRequest csr) {
        try (StringWriter out = new StringWriter(); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(csr);
            pem.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
