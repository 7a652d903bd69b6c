package id.go.kapuaskab.sertel.journey;

import java.time.Duration;
import java.util.List;

/**
 * What one run did, for the acceptance test's own assertions and the demo's summary: the made-up data, the
 * certificates in order (first issuance, CSR renewal, server-key renewal, the last one revoked), the timelines, and
 * the letter a regional system signed with the holder's kept key.
 */
public record JourneyReport(RunData data, Issued first, Issued renewed, Issued serverKey, String revocationRequestId,
                            List<TimelineRow> renewalTimeline, List<TimelineRow> serverKeyTimeline, boolean reminderInTimeline,
                            DocumentSigning.Signed signed, Duration took) {
}
