package id.go.kapuaskab.sertel.applicant.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The fields of applicant data a data change may set, by their JSON names. Subject fields are bound into
 * the certificate (name, e-mail, institution, unit in the subject; the NIK binds it to the person): changing
 * one makes a renewal with the old subject impossible.
 */
public enum ApplicantField {
    FULL_NAME("fullName", true, true),
    EMAIL("email", true, true),
    NIK("nik", true, false),
    NIP("nip", false, false),
    PHONE("phone", false, false),
    POSITION("position", false, false),
    EMPLOYMENT_TYPE("employmentType", false, false),
    INSTITUTION("institutionId", true, true),
    WORK_UNIT("workUnitId", true, true);

    private final String json;
    private final boolean subject;
    private final boolean inCertificate;

    ApplicantField(String json, boolean subject, boolean inCertificate) {
        this.json = json;
        this.subject = subject;
        this.inCertificate = inCertificate;
    }

    public String json() {
        return json;
    }

    public boolean subject() {
        return subject;
    }

    public boolean inCertificate() {
        return inCertificate;
    }

    public static ApplicantField ofJson(String name) {
        return Arrays.stream(values()).filter(f -> f.json.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown applicant field " + name));
    }

    /** JSON names of the fields that appear in the certificate. */
    public static List<String> certificateFields() {
        return Arrays.stream(values()).filter(ApplicantField::inCertificate).map(ApplicantField::json).toList();
    }
}
