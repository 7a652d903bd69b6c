package id.go.kapuaskab.sertel.applicant.domain;

/**
 * How a regional system names a person: by NIK (16 digits) or NIP (18 digits). Never logged or stored in the clear:
 * {@link #masked()} is the form for audit records.
 */
public record PersonKey(Kind kind, String value) {

    /** Which personal number. */
    public enum Kind {
        NIK,
        NIP
    }

    public static PersonKey nik(String value) {
        return new PersonKey(Kind.NIK, value);
    }

    public static PersonKey nip(String value) {
        return new PersonKey(Kind.NIP, value);
    }

    /** {@code NIP **************1003}: all but the last four digits hidden. */
    public String masked() {
        int keep = Math.min(4, value.length());
        return kind + " " + "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    public boolean matches(Applicant a) {
        return kind == Kind.NIK ? value.equals(a.nik) : value.equals(a.nip);
    }

    /** Keeps the number out of logs and exception messages by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
