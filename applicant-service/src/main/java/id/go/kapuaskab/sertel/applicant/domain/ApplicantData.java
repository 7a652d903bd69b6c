package id.go.kapuaskab.sertel.applicant.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The verifiable part of an applicant's data, as one value: what registration takes, what a data change
 * proposes (merged over the current data) and what the history compares.
 */
public record ApplicantData(String fullName, String email, String nik, String nip, String phone, String position,
                            EmploymentType employmentType, UUID institutionId, UUID workUnitId) {

    public static ApplicantData of(Applicant a) {
        return new ApplicantData(a.account.fullName, a.account.email, a.nik, a.nip, a.phone, a.position, a.employmentType,
                a.institution.id, a.workUnit.id);
    }

    /** The values by JSON field name, as text; absent values are {@code null}. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ApplicantField.FULL_NAME.json(), fullName);
        m.put(ApplicantField.EMAIL.json(), email);
        m.put(ApplicantField.NIK.json(), nik);
        m.put(ApplicantField.NIP.json(), nip);
        m.put(ApplicantField.PHONE.json(), phone);
        m.put(ApplicantField.POSITION.json(), position);
        m.put(ApplicantField.EMPLOYMENT_TYPE.json(), employmentType == null ? null : employmentType.name());
        m.put(ApplicantField.INSTITUTION.json(), institutionId == null ? null : institutionId.toString());
        m.put(ApplicantField.WORK_UNIT.json(), workUnitId == null ? null : workUnitId.toString());
        return m;
    }

    /** This data with the given fields replaced; an empty string clears a field. Values are not yet validated. */
    public ApplicantData with(Map<String, String> changes) {
        Map<String, String> m = asMap();
        changes.forEach((k, v) -> m.put(k, v == null || v.isEmpty() ? null : v));
        return new ApplicantData(m.get("fullName"), m.get("email"), m.get("nik"), m.get("nip"), m.get("phone"),
                m.get("position"), parseEnum(m.get("employmentType")), parseUuid(m.get("institutionId")),
                parseUuid(m.get("workUnitId")));
    }

    /** The fields whose value differs from {@code other}'s, with old and new value. */
    public Map<String, HistoryEntry.FieldChange> diff(ApplicantData before) {
        Map<String, HistoryEntry.FieldChange> changes = new LinkedHashMap<>();
        Map<String, String> old = before == null ? Map.of() : before.asMap();
        asMap().forEach((k, v) -> {
            if (!Objects.equals(old.get(k), v)) {
                changes.put(k, new HistoryEntry.FieldChange(old.get(k), v));
            }
        });
        return changes;
    }

    private static EmploymentType parseEnum(String value) {
        try {
            return value == null ? null : EmploymentType.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID parseUuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
