package id.go.kapuaskab.sertel.certificate.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** The e-mail addresses a PKCS#10 request names: subject emailAddress attributes and requested SAN rfc822Names. */
final class CsrEmails {

    private CsrEmails() {
    }

    /** Lower-cased; empty when the request names none or its extension request cannot be read. */
    static Set<String> of(PKCS10CertificationRequest request) {
        Set<String> emails = new LinkedHashSet<>();
        for (RDN rdn : request.getSubject().getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (PKCSObjectIdentifiers.pkcs_9_at_emailAddress.equals(atv.getType())) {
                    add(emails, atv.getValue());
                }
            }
        }
        for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            for (ASN1Encodable value : attribute.getAttrValues()) {
                GeneralNames names;
                try {
                    names = GeneralNames.fromExtensions(Extensions.getInstance(value), Extension.subjectAlternativeName);
                } catch (RuntimeException e) {
                    continue;                                        // unreadable extensions name nobody
                }
                if (names == null) {
                    continue;
                }
                for (GeneralName name : names.getNames()) {
                    if (name.getTagNo() == GeneralName.rfc822Name) {
                        add(emails, name.getName());
                    }
                }
            }
        }
        return emails;
    }

    private static void add(Set<String> emails, ASN1Encodable value) {
        if (value instanceof ASN1String s) {
            emails.add(s.getString().strip().toLowerCase(Locale.ROOT));
        }
    }
}
