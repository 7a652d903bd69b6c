package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.repository.CaKeyStorage;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.jboss.logging.Logger;

/**
 * Makes sure our TSA has a key and a certificate, beside the CA keys and in the same storage: found under its alias,
 * or created once, its certificate signed by our issuing CA (RFC 3161 §2.3: the only extended key usage is
 * id-kp-timeStamping, critical). The key that signs the audit trail's checkpoints is made the same way, with its own
 * single extended key usage ({@link #ensureKey}). Unlike the CAs, the TSA is created even where CA generation is off: its
 * certificate is a decision of our own issuing CA, whose key this service already holds, and a rotated issuing CA
 * gets a TSA certificate of its own. A plain class, so a test can run it on a keystore file of its own.
 */
public final class TsaBootstrap {

    private static final Logger LOG = Logger.getLogger(TsaBootstrap.class);

    private final CaKeyStorage storage;
    private final Clock clock;
    private final PkiUrls urls;
    private final SecureRandom random = new SecureRandom();

    public TsaBootstrap(CaKeyStorage storage, Clock clock, PkiUrls urls) {
        this.storage = storage;
        this.clock = clock;
        this.urls = urls;
    }

    public TimestampAuthority ensure(CaBootstrap.Spec tsa, CertificateAuthority issuing) {
        X509Certificate[] chain = ensureKey(tsa, issuing, KeyPurposeId.id_kp_timeStamping);
        TimestampAuthority authority = new TimestampAuthority(tsa.name(), Arrays.asList(chain), storage);
        LOG.infof("TSA key in %s: %s (%s), certificate serial %s", storage.kind(), tsa.name(), authority.keyType(),
                authority.certificate().getSerialNumber().toString(16));
        return authority;
    }

    /**
     * The chain of the key under {@code spec.name()}, created with a certificate from {@code issuing} whose only extended
     * key usage is {@code purpose} when there is none or the issuing CA changed.
     */
    public X509Certificate[] ensureKey(CaBootstrap.Spec spec, CertificateAuthority issuing, KeyPurposeId purpose) {
        X509Certificate[] chain = storage.chain(spec.name()).orElse(null);
        if (chain == null || !issuedBy(chain[0], issuing)) {
            chain = create(spec, issuing, purpose);
        }
        return chain;
    }

    private static boolean issuedBy(X509Certificate tsa, CertificateAuthority issuing) {
        try {
            tsa.verify(issuing.certificate().getPublicKey(), new org.bouncycastle.jce.provider.BouncyCastleProvider());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private X509Certificate[] create(CaBootstrap.Spec tsa, CertificateAuthority issuing, KeyPurposeId purpose) {
        if (!tsa.keyType().allowedForCa()) {
            throw new IllegalStateException("Key type " + tsa.keyType() + " of " + tsa.name() + " is too weak");
        }
        KeyPair keys = storage.generate(tsa.keyType());
        Instant now = clock.instant();
        Instant notAfter = now.plus(tsa.validity());
        Instant caEnd = issuing.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(caEnd)) {
            notAfter = caEnd;
        }
        try {
            SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuing.holder().getSubject(), new BigInteger(127, random).setBit(127),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(notAfter), new X500Name(tsa.subject()), key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
            b.addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
            SubjectKeyIdentifier caKeyId = SubjectKeyIdentifier.fromExtensions(issuing.holder().getExtensions());
            b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(caKeyId.getKeyIdentifier()));
            GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, urls.crl(issuing.name()));
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, urls.ocsp())),
                    new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, urls.caIssuers(issuing.name())))}));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(issuing.signer()));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            chain.addAll(issuing.chain());
            X509Certificate[] array = chain.toArray(X509Certificate[]::new);
            storage.store(tsa.name(), keys.getPrivate(), array);
            LOG.infof("Created %s in %s, certificate from %s", tsa.name(), storage.kind(), issuing.name());
            return array;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create the certificate of " + tsa.name(), e);
        }
    }
}
