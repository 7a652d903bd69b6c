package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.config.BouncyCastle;
import id.go.kapuaskab.sertel.signing.domain.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The cryptographic checks of one PDF signature, without the network: the byte range's digest against the CMS
 * message-digest attribute, the signature over the signed attributes, the signature time-stamp (its own signature
 * and its imprint over the signature value), and the chain of the signer and of the TSA up to our root.
 */
final class SignatureInspector {

    private static final Provider BC = BouncyCastle.PROVIDER;
    private static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter().setProvider(BC);

    /** What the CMS of one signature holds, after parsing. */
    record Parsed(CMSSignedData cms, SignerInformation signer, X509Certificate certificate, List<X509Certificate> certificates) {
    }

    private SignatureInspector() {
    }

    static Parsed parse(byte[] cmsBytes, byte[] signedContent) throws Exception {
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), cmsBytes);
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        List<X509Certificate> certs = new ArrayList<>();
        for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
            certs.add(CONVERTER.getCertificate(h));
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        X509Certificate cert = matches.isEmpty() ? null : CONVERTER.getCertificate(matches.iterator().next());
        return new Parsed(cms, signer, cert, certs);
    }

    static VerificationReport.Integrity integrity(Parsed p, byte[] signedContent) {
        boolean digestOk = false;
        boolean signatureOk = false;
        String problem = null;
        try {
            Attribute md = p.signer().getSignedAttributes().get(CMSAttributes.messageDigest);
            byte[] expected = ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
            String digestName = jcaDigest(p.signer().getDigestAlgOID());
            digestOk = MessageDigest.isEqual(expected, MessageDigest.getInstance(digestName).digest(signedContent));
            if (p.certificate() == null) {
                problem = "the CMS does not carry the signer's certificate";
            } else {
                String algorithm = new DefaultCMSSignatureAlgorithmNameGenerator().getSignatureName(p.signer().getDigestAlgorithmID(),
                        p.signer().toASN1Structure().getDigestEncryptionAlgorithm());
                Signature verifier = Signature.getInstance(algorithm, BC);
                verifier.initVerify(p.certificate().getPublicKey());
                verifier.update(p.signer().getEncodedSignedAttributes());
                signatureOk = verifier.verify(p.signer().getSignature());
            }
            if (!digestOk) {
                problem = "the signed bytes were changed after signing: their digest differs from the signed message-digest";
            } else if (!signatureOk && problem == null) {
                problem = "the CMS signature does not verify with the signer's certificate";
            }
        } catch (Exception e) {
            problem = "the CMS signature cannot be checked: " + e.getClass().getSimpleName();
        }
        return new VerificationReport.Integrity(digestOk && signatureOk, digestOk, signatureOk, problem);
    }

    static VerificationReport.Timestamp timestamp(Parsed p, Set<TrustAnchor> anchors, Collection<X509Certificate> pool) {
        Attribute attr = p.signer().getUnsignedAttributes() == null ? null
                : p.signer().getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attr == null) {
            return new VerificationReport.Timestamp(false, null, null, null, null, null, null, null);
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(attr.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
            var info = token.getTimeStampInfo();
            X509Certificate tsa = ValidationDataCollector.tsaCertificate(token);
            boolean valid;
            String problem = null;
            try {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(tsa));
                byte[] imprint = MessageDigest.getInstance(jcaDigest(info.getMessageImprintAlgOID().getId())).digest(p.signer().getSignature());
                valid = MessageDigest.isEqual(imprint, info.getMessageImprintDigest());
                if (!valid) {
                    problem = "the time-stamp is over another signature value";
                }
            } catch (Exception e) {
                valid = false;
                problem = "the time-stamp token does not verify: " + e.getClass().getSimpleName();
            }
            Instant time = info.getGenTime().toInstant();
            List<X509Certificate> tsaPool = new ArrayList<>(pool);
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                tsaPool.add(CONVERTER.getCertificate(h));
            }
            boolean trusted = chain(tsa, anchors, tsaPool, time).trustedByOurRoot()
                    && tsa.getExtendedKeyUsage() != null && tsa.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.8");
            return new VerificationReport.Timestamp(true, time, tsa.getSubjectX500Principal().getName(), info.getSerialNumber().toString(16),
                    info.getPolicy().getId(), valid, trusted, problem);
        } catch (Exception e) {
            return new VerificationReport.Timestamp(true, null, null, null, null, false, false,
                    "the time-stamp token cannot be read: " + e.getClass().getSimpleName());
        }
    }

    static VerificationReport.Chain chain(X509Certificate cert, Set<TrustAnchor> anchors, Collection<X509Certificate> pool, Instant at) {
        if (cert == null) {
            return new VerificationReport.Chain(false, List.of(), "no signer certificate");
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(cert);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            List<X509Certificate> all = new ArrayList<>(pool);
            all.add(cert);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(all)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            List<String> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> path.add(((X509Certificate) c).getSubjectX500Principal().getName()));
            path.add(result.getTrustAnchor().getTrustedCert().getSubjectX500Principal().getName());
            return new VerificationReport.Chain(true, path, null);
        } catch (Exception e) {
            return new VerificationReport.Chain(false, List.of(), "no path to our root CA: " + e.getMessage());
        }
    }

    /** The exact DER length of the CMS in a zero-padded /Contents value. */
    static byte[] trimmed(byte[] contents) {
        if (contents.length < 2 || contents[0] != 0x30) {
            return contents;
        }
        int first = contents[1] & 0xff;
        int header = 2;
        long length = first;
        if (first > 0x80) {
            int n = first & 0x7f;
            length = 0;
            for (int i = 0; i < n && 2 + i < contents.length; i++) {
                length = (length << 8) | (contents[2 + i] & 0xff);
            }
            header += n;
        }
        long total = header + length;
        return first == 0x80 || total > contents.length ? contents : Arrays.copyOf(contents, (int) total);
    }

    static String jcaDigest(String oid) {
        return switch (oid) {
            case "2.16.840.1.101.3.4.2.1" -> "SHA-256";
            case "2.16.840.1.101.3.4.2.2" -> "SHA-384";
            case "2.16.840.1.101.3.4.2.3" -> "SHA-512";
            case "1.3.14.3.2.26" -> "SHA-1";
            default -> oid;
        };
    }

    static int count(byte[] pdf, String marker, long from) {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        int n = 0;
        outer:
        for (long i = from; i <= pdf.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (pdf[(int) i + j] != needle[j]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }
}
