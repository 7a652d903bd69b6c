package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.ApplicantSnapshot;
import id.go.kapuaskab.sertel.renewal.domain.SubjectItem;
import id.go.kapuaskab.sertel.renewal.domain.SubjectSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which subject items differ between the snapshot frozen at submission and the applicant's current data. */
public final class SubjectDifferences {

    private SubjectDifferences() {
    }

    public static List<SubjectItem> between(SubjectSnapshot frozen, ApplicantSnapshot current) {
        List<SubjectItem> items = new ArrayList<>();
        if (frozen == null || current == null) {
            return items;
        }
        if (!Objects.equals(frozen.fullName, current.fullName())) {
            items.add(SubjectItem.FULL_NAME);
        }
        if (!Objects.equals(frozen.email, current.email())) {
            items.add(SubjectItem.EMAIL);
        }
        if (!Objects.equals(frozen.nik, current.nik())) {
            items.add(SubjectItem.NIK);
        }
        if (!Objects.equals(frozen.institutionId, current.institutionId())
                || !Objects.equals(frozen.institutionName, current.institutionName())) {
            items.add(SubjectItem.INSTITUTION);
        }
        if (!Objects.equals(frozen.unitName, current.unitName())) {
            items.add(SubjectItem.UNIT);
        }
        return items;
    }

    /** Whether the certificate subject changed since the snapshot: an item differs, or the subject version moved on. */
    public static boolean changed(SubjectSnapshot frozen, ApplicantSnapshot current) {
        return !between(frozen, current).isEmpty()
                || (frozen.subjectVersion != null && frozen.subjectVersion != current.subjectVersion());
    }
}
