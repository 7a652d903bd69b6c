package id.go.kapuaskab.sertel.journey;

import java.time.Duration;
import java.util.List;

/** What the e-office's webhook endpoint received of a renewal, told as the e-office would log it. */
final class Webhooks {

    private Webhooks() {
    }

    /** Waits for the renewal's COMPLETED state and the new certificate's issue, both signature-checked, and tells them. */
    static void tell(Narrator narrator, WebhookReceiver receiver, Issued renewed, Duration patience) {
        receiver.await(r -> r.type().equals("request.state-changed") && renewed.requestId().equals(r.data().path("requestId").asText())
                && r.data().path("state").asText().equals("COMPLETED"), patience, "the renewal's COMPLETED event");
        receiver.await(r -> r.type().equals("certificate.issued") && renewed.serial().equals(r.data().path("serial").asText()),
                patience, "certificate.issued for " + renewed.serial());
        List<WebhookReceiver.Received> ofRenewal = receiver.all().stream()
                .filter(r -> renewed.requestId().equals(r.data().path("requestId").asText())
                        || renewed.serial().equals(r.data().path("serial").asText()))
                .toList();
        narrator.say("Meanwhile the e-office's endpoint received the renewal as signed webhooks (Standard Webhooks, each"
                + " signature checked with the subscription's secret; " + receiver.refused() + " refused):");
        for (WebhookReceiver.Received r : ofRenewal) {
            narrator.note(r.type() + " " + (r.type().startsWith("request.") ? r.data().path("state").asText()
                    : r.data().path("serial").asText() + " " + r.data().path("status").asText()) + "  (webhook-id " + r.id() + ")");
        }
        if (receiver.refused() > 0) {
            throw new JourneyFailure("the e-office refused " + receiver.refused() + " webhook(s) whose signature did not verify");
        }
    }
}
