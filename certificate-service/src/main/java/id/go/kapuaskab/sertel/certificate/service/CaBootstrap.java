package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.domain.KeyType;
import id.go.kapuaskab.sertel.certificate.repository.CaKeyStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.jboss.logging.Logger;

/**
 * Makes sure the CA keys exist, in this order: already in the storage; imported from a PKCS#12 file or a PEM
 * directory; created (root, then an issuing CA under it) when generation is allowed. Otherwise the service must not
 * start. A plain class, so the PKCS#11 test and the benchmark use the very same code.
 */
public final class CaBootstrap {

    private static final Logger LOG = Logger.getLogger(CaBootstrap.class);

    /** What a created CA looks like. */
    public record Spec(String name, String subject, KeyType keyType, Duration validity) {
    }

    /** Where to import from, when the storage is empty. */
    public record Source(boolean generate, Optional<Path> pkcs12, Optional<char[]> pkcs12Password, Optional<Path> pemDir) {
        public static Source generating() {
            return new Source(true, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private final CaKeyStorage storage;
    private final Clock clock;
    private final PkiUrls urls;
    private final SecureRandom random = new SecureRandom();

    public CaBootstrap(CaKeyStorage storage, Clock clock, PkiUrls urls) {
        this.storage = storage;
        this.clock = clock;
        this.urls = urls;
    }

    /** Returns {root, issuing}. */
    public List<CertificateAuthority> ensure(Spec root, Spec issuing, Source source) {
        if (storage.chain(root.name()).isEmpty() || storage.chain(issuing.name()).isEmpty()) {
            if (source.pkcs12().isPresent()) {
                importPkcs12(source.pkcs12().get(), source.pkcs12Password().orElse(new char[0]), root.name(), issuing.name());
            } else if (source.pemDir().isPresent()) {
                importPem(source.pemDir().get(), root.name(), issuing.name());
            } else if (source.generate()) {
                create(root, issuing);
            } else {
                throw new IllegalStateException("The " + storage.kind() + " keystore has no CA keys under aliases '" + root.name()
                        + "' and '" + issuing.name() + "', and neither sertel.ca.bootstrap.import-* nor sertel.ca.bootstrap.generate=true is set");
            }
        }
        CertificateAuthority rootCa = new CertificateAuthority(root.name(), CertificateAuthority.Role.ROOT, chainOf(root.name()), storage);
        CertificateAuthority issuingCa = new CertificateAuthority(issuing.name(), CertificateAuthority.Role.ISSUING, chainOf(issuing.name()), storage);
        verifyIssuedBy(issuingCa.certificate(), rootCa.certificate().getPublicKey());
        if (issuingCa.keyType() != issuing.keyType()) {
            LOG.warnf("Issuing CA %s has a %s key; the setting asks for %s, which applies only when a CA is created",
                    issuing.name(), issuingCa.keyType(), issuing.keyType());
        }
        LOG.infof("CA keys in %s: root %s (%s), issuing %s (%s)", storage.kind(), root.name(), rootCa.keyType(),
                issuing.name(), issuingCa.keyType());
        return List.of(rootCa, issuingCa);
    }

    private List<X509Certificate> chainOf(String alias) {
        return Arrays.asList(storage.chain(alias).orElseThrow());
    }

    private void create(Spec root, Spec issuing) {
        for (Spec s : List.of(root, issuing)) {
            if (!s.keyType().allowedForCa()) {
                throw new IllegalStateException("CA key type " + s.keyType() + " of " + s.name() + " is too weak for a CA");
            }
        }
        Instant now = clock.instant();
        KeyPair rootKeys = storage.generate(root.keyType());
        X500Name rootName = new X500Name(root.subject());
        X509Certificate rootCert = sign(rootName, rootName, rootKeys.getPublic(), rootKeys.getPublic(), now, root.validity(),
                new BasicConstraints(true), null, storage.signer(rootKeys.getPrivate(), root.keyType().signatureAlgorithm()));
        storage.store(root.name(), rootKeys.getPrivate(), new X509Certificate[] {rootCert});

        KeyPair issuingKeys = storage.generate(issuing.keyType());
        X509Certificate issuingCert = sign(rootName, new X500Name(issuing.subject()), issuingKeys.getPublic(), rootKeys.getPublic(),
                now, issuing.validity(), new BasicConstraints(0), root.name(), storage.signer(root.name(), root.keyType().signatureAlgorithm()));
        storage.store(issuing.name(), issuingKeys.getPrivate(), new X509Certificate[] {issuingCert, rootCert});
        LOG.infof("Created root CA %s and issuing CA %s in %s", root.name(), issuing.name(), storage.kind());
    }

    private X509Certificate sign(X500Name issuer, X500Name subject, PublicKey subjectKey, PublicKey issuerKey, Instant now,
                                 Duration validity, BasicConstraints constraints, String parentName, ContentSigner signer) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, new BigInteger(127, random).setBit(120),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject,
                    SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded()));
            b.addExtension(Extension.basicConstraints, true, constraints);
            int usage = KeyUsage.keyCertSign | KeyUsage.cRLSign | (parentName == null ? 0 : KeyUsage.digitalSignature);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (parentName != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerKey));
                GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, urls.crl(parentName));
                b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
                b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription(
                        AccessDescription.id_ad_caIssuers, new GeneralName(GeneralName.uniformResourceIdentifier, urls.caIssuers(parentName)))));
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot create the CA certificate of " + subject, e);
        }
    }

    private void importPkcs12(Path file, char[] password, String... aliases) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore source = KeyStore.getInstance("PKCS12");
            source.load(in, password);
            for (String alias : aliases) {
                if (!(source.getKey(alias, password) instanceof PrivateKey key)) {
                    throw new IllegalStateException("The PKCS#12 file " + file + " has no private key under alias " + alias);
                }
                java.security.cert.Certificate[] chain = source.getCertificateChain(alias);
                storage.store(alias, key, Arrays.copyOf(chain, chain.length, X509Certificate[].class));
            }
            LOG.infof("Imported CA keys %s from %s", List.of(aliases), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot import CA keys from " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot import CA keys from " + file, e);
        }
    }

    private void importPem(Path dir, String... aliases) {
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        for (String alias : aliases) {
            List<X509Certificate> chain = new ArrayList<>();
            PrivateKey key;
            try (Reader certReader = Files.newBufferedReader(dir.resolve(alias + ".crt"));
                 PEMParser certPem = new PEMParser(certReader);
                 Reader keyReader = Files.newBufferedReader(dir.resolve(alias + ".key"));
                 PEMParser keyPem = new PEMParser(keyReader)) {
                for (Object o = certPem.readObject(); o != null; o = certPem.readObject()) {
                    chain.add(certs.getCertificate((X509CertificateHolder) o));
                }
                Object k = keyPem.readObject();
                if (!(k instanceof PrivateKeyInfo info)) {
                    throw new IllegalStateException(alias + ".key must be an unencrypted PKCS#8 PEM private key");
                }
                key = new JcaPEMKeyConverter().getPrivateKey(info);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot import CA " + alias + " from " + dir, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot import CA " + alias + " from " + dir, e);
            }
            storage.store(alias, key, chain.toArray(X509Certificate[]::new));
        }
        LOG.infof("Imported CA keys %s from PEM files in %s", List.of(aliases), dir);
    }

    private static void verifyIssuedBy(X509Certificate cert, PublicKey issuerKey) {
        try {
            cert.verify(issuerKey, new org.bouncycastle.jce.provider.BouncyCastleProvider());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The issuing CA certificate " + cert.getSubjectX500Principal() + " is not signed by the root CA", e);
        }
    }
}
