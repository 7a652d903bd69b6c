package id.go.kapuaskab.sertel.applicant.domain;

/** How an applicant is employed; PNS and PPPK staff are ASN and have a NIP, NON_ASN staff have none. */
public enum EmploymentType {
    PNS,
    PPPK,
    NON_ASN;

    public boolean requiresNip() {
        return this != NON_ASN;
    }
}
