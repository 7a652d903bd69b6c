package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.domain.EventType;
import id.go.kapuaskab.sertel.notification.domain.Subscription;
import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery;
import id.go.kapuaskab.sertel.notification.service.Subscriptions;
import id.go.kapuaskab.sertel.notification.service.WebhookDeliveries;
import id.go.kapuaskab.sertel.outbox.Outbox;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of webhook subscriptions and their delivery log, and the examples of the OpenAPI document. */
final class WebhookViews {

    static final String TYPES = "certificate.issued, certificate.revoked, certificate.suspended, certificate.resumed, "
            + "certificate.expiring, request.state-changed, applicant.data-changed";

    static final String SUBSCRIPTION = """
            {"id":"5b0e6c1a-8f3d-4d2e-9a71-3c4b5d6e7f80","url":"https://eoffice.kapuaskab.go.id/hooks/sertel",
             "description":"e-office: signer status","eventTypes":["certificate.expiring","certificate.revoked"],
             "contactEmail":"eoffice-admin@kapuaskab.go.id","language":"id","enabled":true,"disabledReason":null,"disabledAt":null,
             "owner":"int-3k9xq7","ownerKind":"INTEGRATION","institutions":["0b6c4a52-1f1e-4c55-9d0a-1d2b3c4d5e6f"],
             "previousSecretValidUntil":null,"failingSince":null,"createdAt":"2027-05-01T02:00:00Z","updatedAt":"2027-05-01T02:00:00Z"}""";

    static final String DELIVERY = """
            {"id":"9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","subscriptionId":"5b0e6c1a-8f3d-4d2e-9a71-3c4b5d6e7f80",
             "eventId":"2f1e0d9c-8b7a-4654-8321-0fedcba98765","eventType":"certificate.revoked","subject":"5f3a9c0e12ab44d1",
             "occurredAt":"2027-05-02T03:00:00Z","status":"DELIVERED","attempts":2,"lastStatusCode":200,"lastError":null,
             "nextAttemptAt":null,"deliveredAt":"2027-05-02T03:00:31Z","redeliveryOf":null,"createdAt":"2027-05-02T03:00:00Z",
             "attemptLog":[{"number":1,"startedAt":"2027-05-02T03:00:00Z","finishedAt":"2027-05-02T03:00:05Z","outcome":"RETRY",
                            "statusCode":null,"code":"timeout","detail":"no answer within 5000 ms"},
                           {"number":2,"startedAt":"2027-05-02T03:00:31Z","finishedAt":"2027-05-02T03:00:31Z","outcome":"DONE",
                            "statusCode":200,"code":"200","detail":"HTTP 200 in 84 ms"}]}""";

    private WebhookViews() {
    }

    @Schema(name = "WebhookSubscriptionCreate")
    record CreateBody(@Schema(description = "https URL the events are POSTed to (no user info, no fragment; a public address)",
                              example = "https://eoffice.kapuaskab.go.id/hooks/sertel") @NotBlank @Size(max = 2000) String url,
                      @Schema(description = "One or more of: " + TYPES) @NotEmpty @Size(max = 7) Set<@NotBlank @Size(max = 64) String> eventTypes,
                      @Size(max = 500) String description,
                      @Schema(description = "Who is mailed when the service disables the subscription")
                      @NotBlank @Email @Size(max = 254) String contactEmail,
                      @Schema(description = "Language of that mail: id (default) or en") @Pattern(regexp = "id|en") String language) {
        Subscriptions.Draft draft() {
            return new Subscriptions.Draft(url, eventTypes, description, contactEmail, language);
        }
    }

    @Schema(name = "WebhookSubscriptionChange", description = "Only the fields sent are changed.")
    record UpdateBody(@Size(max = 2000) String url, @Size(min = 1, max = 7) Set<@NotBlank @Size(max = 64) String> eventTypes,
                      @Schema(description = "false pauses deliveries (they are skipped); true re-enables a disabled subscription")
                      Boolean enabled,
                      @Size(max = 500) String description, @Email @Size(max = 254) String contactEmail,
                      @Pattern(regexp = "id|en") String language) {
        Subscriptions.Changes changes() {
            return new Subscriptions.Changes(Optional.ofNullable(url), Optional.ofNullable(eventTypes), Optional.ofNullable(enabled),
                    Optional.ofNullable(description), Optional.ofNullable(contactEmail), Optional.ofNullable(language));
        }
    }

    @Schema(name = "WebhookSubscription")
    record SubscriptionView(UUID id, String url, String description, List<String> eventTypes, String contactEmail, String language,
                            boolean enabled,
                            @Schema(description = "OWNER, ADMIN (switched off by a person), GONE (410), FAILED (a delivery gave up), "
                                    + "FAILING (failing for longer than disable-after)") String disabledReason,
                            OffsetDateTime disabledAt,
                            @Schema(description = "The integration client's id, or an admin's account id") String owner,
                            String ownerKind,
                            @Schema(description = "Institutions whose events it receives (empty for an admin's: all)") List<UUID> institutions,
                            @Schema(description = "During a rotation's overlap: until when the previous secret still signs")
                            OffsetDateTime previousSecretValidUntil,
                            @Schema(description = "Since when deliveries have failed without a success") OffsetDateTime failingSince,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.url(), s.description(), s.eventTypes().stream().map(EventType::wire).sorted().toList(),
                    s.contactEmail(), s.language(), s.enabled(), s.disabledReason(), NotificationViews.time(s.disabledAt()),
                    s.ownerSubject(), s.ownerKind().name(), s.institutions().stream().sorted().toList(),
                    NotificationViews.time(s.previousSecretUntil()), NotificationViews.time(s.failingSince()),
                    NotificationViews.time(s.createdAt()), NotificationViews.time(s.updatedAt()));
        }
    }

    @Schema(name = "WebhookSecret", description = "A signing secret, shown this once: whsec_ + base64 of 32 random bytes.")
    record Created(SubscriptionView subscription, String secret) {
        static Created of(Subscriptions.WithSecret s) {
            return new Created(SubscriptionView.of(s.subscription()), s.secret());
        }
    }

    @Schema(name = "WebhookDelivery", description = "One event on its way to one subscription, with every attempt.")
    record DeliveryView(UUID id, UUID subscriptionId,
                        @Schema(description = "The webhook-id header of every attempt") UUID eventId, String eventType,
                        @Schema(description = "What the event is about (certificate serial, request id, applicant id)") String subject,
                        OffsetDateTime occurredAt,
                        @Schema(description = "PENDING, RETRYING, DELIVERED, FAILED (given up or 410), SKIPPED (subscription disabled)")
                        WebhookDelivery.Status status, int attempts, Integer lastStatusCode, String lastError, OffsetDateTime nextAttemptAt,
                        OffsetDateTime deliveredAt, @Schema(description = "For a manual redelivery: the delivery it repeats") UUID redeliveryOf,
                        OffsetDateTime createdAt, List<AttemptView> attemptLog) {
        static DeliveryView of(WebhookDeliveries.Entry e) {
            WebhookDelivery d = e.delivery();
            boolean waiting = d.status() == WebhookDelivery.Status.PENDING || d.status() == WebhookDelivery.Status.RETRYING;
            return new DeliveryView(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.subject(), NotificationViews.time(d.occurredAt()),
                    d.status(), d.attempts(), d.lastStatusCode(), d.lastError(), waiting ? NotificationViews.time(d.nextAttemptAt()) : null,
                    NotificationViews.time(d.deliveredAt()), d.redeliveryOf(), NotificationViews.time(d.createdAt()),
                    e.attempts().stream().map(AttemptView::of).toList());
        }
    }

    @Schema(name = "WebhookAttempt")
    record AttemptView(int number, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                       @Schema(description = "DONE (2xx, or skipped), RETRY, DEAD (410, or given up), ABANDONED (the worker stopped)")
                       String outcome,
                       @Schema(description = "The receiver's HTTP status, when it answered") Integer statusCode,
                       @Schema(description = "The status, or timeout, connection, target-refused, SKIPPED") String code, String detail) {
        static AttemptView of(Outbox.Attempt a) {
            Integer status = a.code() != null && a.code().matches("\\d{3}") ? Integer.valueOf(a.code()) : null;
            return new AttemptView(a.number(), NotificationViews.time(a.startedAt()), NotificationViews.time(a.finishedAt()), a.outcome(),
                    status, a.code(), a.detail());
        }
    }

    record DeliveryPage(List<DeliveryView> items, int offset, int limit, long total) {
    }
}
