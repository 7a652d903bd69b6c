package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.BouncyCastle;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * The PKCS#12 handed once to an applicant whose key we generated: key and certificates encrypted with PBES2
 * (AES-256-CBC, PBKDF2-HMAC-SHA256), integrity by HMAC-SHA256, both with the configured iteration count. The
 * passphrase and the key exist only in memory during this call.
 */
public final class Pkcs12Packager {

    private static final BouncyCastleProvider BC = BouncyCastle.PROVIDER;

    private final int iterations;

    public Pkcs12Packager(int iterations) {
        this.iterations = iterations;
    }

    public byte[] pack(PrivateKey key, X509CertificateHolder certificate, List<X509Certificate> caChain, char[] passphrase, String friendlyName) {
        try {
            OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                    .setProvider(BC)
                    .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                    .setIterationCount(iterations)
                    .build(passphrase);
            var localKeyId = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(certificate.getSubjectPublicKeyInfo());

            List<PKCS12SafeBag> certs = new ArrayList<>();
            PKCS12SafeBagBuilder own = new PKCS12SafeBagBuilder(certificate);
            own.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
            own.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
            certs.add(own.build());
            for (X509Certificate ca : caChain) {
                certs.add(new JcaPKCS12SafeBagBuilder(ca).build());
            }
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, encryptor);
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(friendlyName));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);

            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(encryptor, certs.toArray(PKCS12SafeBag[]::new));
            pfx.addData(keyBag.build());
            PKCS12PfxPdu pdu = pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                    .setProvider(BC).setIterationCount(iterations), passphrase);
            return pdu.getEncoded();
        } catch (IOException | PKCSException | java.security.GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("Cannot build the PKCS#12", e);
        }
    }
}
