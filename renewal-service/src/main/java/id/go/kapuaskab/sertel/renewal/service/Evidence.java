package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.ContactChannel;
import id.go.kapuaskab.sertel.renewal.domain.ContactOutcome;
import id.go.kapuaskab.sertel.renewal.domain.SubjectItem;
import java.time.Instant;
import java.util.List;

/** The step-7 evidence a verifier records: (a) subject items checked, (b) the institution contacted. Either part may come alone. */
public record Evidence(List<ItemCheck> items, Contact contact) {

    /** One subject item: does it match the applicant's documents? */
    public record ItemCheck(SubjectItem item, boolean matches, String note) {
    }

    /** The institution contacted: who, how, when, and what they said. */
    public record Contact(String contactPerson, ContactChannel channel, Instant contactedAt, ContactOutcome outcome, String note) {
    }
}
