package id.go.kapuaskab.sertel.journey;

import java.util.Map;
import java.util.UUID;

/**
 * Who plays the SOP in one run and where: the admin, verifiers A and B, the applicant (id; sessions come and go with
 * logins), the institution and its two work units (before and after the applicant's transfer).
 */
public record Cast(RunData data, Session admin, Officer verifierA, Officer verifierB, UUID applicantId,
                   UUID institutionId, UUID unitBefore, UUID unitAfter) {

    /** Account ids as the services record actors, turned into names for the timeline. */
    public String nameOf(String accountId) {
        Map<String, String> names = Map.of(verifierA.id().toString(), verifierA.name(), verifierB.id().toString(), verifierB.name(),
                applicantId.toString(), data.applicant().fullName());
        return accountId == null ? null : names.getOrDefault(accountId, accountId);
    }
}
