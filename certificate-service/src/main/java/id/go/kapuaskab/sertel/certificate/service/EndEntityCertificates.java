package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.domain.CertificateProfile;
import id.go.kapuaskab.sertel.certificate.domain.SubjectSnapshot;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Builds and signs an end-entity certificate from a profile: the one place that decides what our certificates say.
 * The subject comes from the approved snapshot only, with the holder's stable id as serialNumber (never the NIK).
 */
public final class EndEntityCertificates {

    private final PkiUrls urls;
    private final SecureRandom random;

    public EndEntityCertificates(PkiUrls urls, SecureRandom random) {
        this.urls = urls;
        this.random = random;
    }

    /** A positive serial with {@code bits} random bits and a fixed top bit, so it always has the same length. */
    public BigInteger newSerial(CertificateProfile profile) {
        return new BigInteger(profile.serialRandomBits(), random).setBit(profile.serialRandomBits());
    }

    public X500Name subject(CertificateProfile profile, SubjectSnapshot s, UUID holderId) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, profile.country())
                .addRDN(BCStyle.ST, profile.state())
                .addRDN(BCStyle.L, profile.locality())
                .addRDN(BCStyle.O, s.organization());
        if (s.organizationalUnit() != null && !s.organizationalUnit().isBlank()) {
            name.addRDN(BCStyle.OU, s.organizationalUnit());
        }
        return name.addRDN(BCStyle.CN, s.commonName()).addRDN(BCStyle.SERIALNUMBER, holderId.toString()).build();
    }

    /** A certificate's validity in whole seconds, as its DER encodes it. */
    public record Validity(Instant notBefore, Instant notAfter) {
    }

    /** The validity of a certificate signed {@code now}: backdated as the profile says; 503 when it would outlast the CA's. */
    public Validity validity(CertificateAuthority ca, CertificateProfile profile, Instant now) {
        Instant notBefore = now.minus(profile.backdate()).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plus(profile.validity()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
            throw new DomainException(ProblemKind.UNAVAILABLE, "ca.validity-exhausted", ca.name());
        }
        return new Validity(notBefore, notAfter);
    }

    public X509CertificateHolder sign(CertificateAuthority ca, CertificateProfile profile, X500Name subject, String email,
                                      SubjectPublicKeyInfo key, BigInteger serial, Instant now) {
        return sign(ca, profile, subject, email, key, serial, validity(ca, profile, now));
    }

    public X509CertificateHolder sign(CertificateAuthority ca, CertificateProfile profile, X500Name subject, String email,
                                      SubjectPublicKeyInfo key, BigInteger serial, Validity validity) {
        try {
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(ca.holder().getSubject(), serial, DerTimes.of(validity.notBefore()),
                    DerTimes.of(validity.notAfter()), subject, key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(profile.extendedKeyUsage().stream()
                    .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid))).toArray(KeyPurposeId[]::new)));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
            b.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId(key));
            b.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ca));
            b.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(profile.policyOid()))));
            GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, urls.crl(ca.name()));
            b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
            b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, urls.ocsp())),
                    new AccessDescription(AccessDescription.id_ad_caIssuers,
                            new GeneralName(GeneralName.uniformResourceIdentifier, urls.caIssuers(ca.name())))}));
            return b.build(ca.signer());
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode the certificate extensions", e);
        }
    }

    private static SubjectKeyIdentifier subjectKeyId(SubjectPublicKeyInfo key) {
        try {
            return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthorityKeyIdentifier authorityKeyId(CertificateAuthority ca) {
        SubjectKeyIdentifier caKeyId = SubjectKeyIdentifier.fromExtensions(ca.holder().getExtensions());
        if (caKeyId != null) {
            return new AuthorityKeyIdentifier(caKeyId.getKeyIdentifier());
        }
        try {
            return new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.publicKeyInfo());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
