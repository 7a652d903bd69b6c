package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.config.WebhookConfig;
import id.go.kapuaskab.sertel.notification.domain.EventType;
import id.go.kapuaskab.sertel.notification.domain.Subscription;
import id.go.kapuaskab.sertel.notification.domain.Subscription.OwnerKind;
import id.go.kapuaskab.sertel.notification.repository.SubscriptionStore;
import id.go.kapuaskab.sertel.support.pii.Pii;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Webhook subscriptions as their owners manage them. Integration clients need the scope {@code events:subscribe}
 * and see only their own subscriptions (another client's is "not found"); admins see and change every one. A
 * subscription keeps the institutions of its owner's token, refreshed whenever the owner changes it. The signing
 * secret is shown once, when it is made (creation, rotation); a rotation keeps the previous one signing for
 * {@code rotation-overlap}.
 */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);
    public static final String SCOPE = "events:subscribe";

    /** A subscription as created, with its secret in clear: the only time it is shown. */
    public record WithSecret(Subscription subscription, String secret) {
    }

    /** What the owner asks for at creation. */
    public record Draft(String url, Set<String> eventTypes, String description, String contactEmail, String language) {
    }

    /** What the owner changes; an empty field stays as it is. */
    public record Changes(Optional<String> url, Optional<Set<String>> eventTypes, Optional<Boolean> enabled,
                          Optional<String> description, Optional<String> contactEmail, Optional<String> language) {
    }

    private final SubscriptionStore store;
    private final TargetPolicy targets;
    private final SecretBox box;
    private final Duration overlap;
    private final int maxPerOwner;
    private final Clock clock;

    Subscriptions(SubscriptionStore store, TargetPolicy targets, SecretBox box, WebhookConfig config, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.box = box;
        this.overlap = config.rotationOverlap();
        this.maxPerOwner = config.maxPerOwner();
        this.clock = clock;
    }

    public WithSecret create(Caller caller, Draft draft) {
        authorise(caller);
        Set<EventType> types = types(draft.eventTypes());
        targets.check(draft.url());
        Set<UUID> institutions = institutionsOf(caller);
        UUID id = UUID.randomUUID();
        String secret = WebhookSigner.newSecret();
        Instant now = clock.instant();
        Subscription s = new Subscription(id, caller.subject(), caller.isAdmin() ? OwnerKind.ADMIN : OwnerKind.INTEGRATION,
                draft.url().trim(), draft.description(), types, draft.contactEmail(), MailComposer.lang(draft.language()), institutions,
                true, null, null, box.seal(id, secret), null, null, null, now, now);
        QuarkusTransaction.requiringNew().run(() -> {
            if (store.countOwnedBy(caller.subject()) >= maxPerOwner) {
                throw DomainException.conflict("webhook.limit-reached", maxPerOwner);
            }
            store.insert(s);
        });
        LOG.infof("Webhook subscription %s created by %s: %s, contact %s", id, caller.describe(), types, Pii.maskEmail(s.contactEmail()));
        return new WithSecret(s, secret);
    }

    public List<Subscription> list(Caller caller) {
        authorise(caller);
        return store.list(caller.isAdmin() ? Optional.empty() : Optional.of(caller.subject()));
    }

    public Subscription get(Caller caller, UUID id) {
        authorise(caller);
        return store.find(id).filter(s -> visible(caller, s)).orElseThrow(() -> DomainException.notFound("webhook.not-found"));
    }

    public Subscription update(Caller caller, UUID id, Changes changes) {
        authorise(caller);
        Optional<Set<EventType>> types = changes.eventTypes().map(Subscriptions::types);
        Subscription before = get(caller, id);
        if (changes.url().isPresent() || changes.enabled().orElse(false) && !before.enabled()) {
            targets.check(changes.url().orElse(before.url()));         // resolved before the row is locked
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = store.findForUpdate(id).filter(x -> visible(caller, x))
                    .orElseThrow(() -> DomainException.notFound("webhook.not-found"));
            String url = changes.url().map(String::trim).orElse(s.url());
            boolean enabled = changes.enabled().orElse(s.enabled());
            boolean byOwner = s.ownerSubject().equals(caller.subject());
            Set<UUID> institutions = byOwner && s.ownerKind() == OwnerKind.INTEGRATION ? institutionsOf(caller) : s.institutions();
            Subscription updated = new Subscription(s.id(), s.ownerSubject(), s.ownerKind(), url,
                    changes.description().orElse(s.description()), types.orElse(s.eventTypes()),
                    changes.contactEmail().orElse(s.contactEmail()), changes.language().map(MailComposer::lang).orElse(s.language()),
                    institutions, enabled, enabled ? null : disabledReason(s, caller), enabled ? null : disabledAt(s),
                    s.secret(), s.previousSecret(), s.previousSecretUntil(), enabled && !s.enabled() ? null : s.failingSince(),
                    s.createdAt(), clock.instant());
            store.update(updated);
            return updated;
        });
    }

    public void delete(Caller caller, UUID id) {
        authorise(caller);
        QuarkusTransaction.requiringNew().run(() -> {
            store.findForUpdate(id).filter(s -> visible(caller, s)).orElseThrow(() -> DomainException.notFound("webhook.not-found"));
            store.delete(id);
        });
        LOG.infof("Webhook subscription %s deleted by %s", id, caller.describe());
    }

    /** A new signing secret; the previous one keeps signing (as a second signature) until the overlap ends. */
    public WithSecret rotate(Caller caller, UUID id) {
        authorise(caller);
        String secret = WebhookSigner.newSecret();
        Instant now = clock.instant();
        Subscription rotated = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = store.findForUpdate(id).filter(x -> visible(caller, x))
                    .orElseThrow(() -> DomainException.notFound("webhook.not-found"));
            Subscription r = new Subscription(s.id(), s.ownerSubject(), s.ownerKind(), s.url(), s.description(), s.eventTypes(),
                    s.contactEmail(), s.language(), s.institutions(), s.enabled(), s.disabledReason(), s.disabledAt(),
                    box.seal(id, secret), box.seal(id, box.open(id, s.secret())), now.plus(overlap), s.failingSince(),
                    s.createdAt(), now);
            store.update(r);
            return r;
        });
        LOG.infof("Webhook subscription %s: secret rotated by %s; the previous one signs until %s", id, caller.describe(),
                rotated.previousSecretUntil());
        return new WithSecret(rotated, secret);
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during a rotation's overlap. */
    public List<String> signingSecrets(Subscription s, Instant now) {
        String current = box.open(s.id(), s.secret());
        if (s.previousSecret() != null && s.previousSecretUntil() != null && s.previousSecretUntil().isAfter(now)) {
            return List.of(current, box.open(s.id(), s.previousSecret()));
        }
        return List.of(current);
    }

    static void authorise(Caller caller) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.isIntegration() || !caller.hasScope(SCOPE)) {
            throw DomainException.forbidden("webhook.scope-missing", SCOPE);
        }
    }

    static boolean visible(Caller caller, Subscription s) {
        return caller.isAdmin() || s.ownerSubject().equals(caller.subject());
    }

    private static Set<UUID> institutionsOf(Caller caller) {
        if (caller.isAdmin()) {
            return Set.of();
        }
        if (caller.institutions().isEmpty()) {
            throw DomainException.invalid("webhook.no-institutions");
        }
        return caller.institutions();
    }

    private static Set<EventType> types(Set<String> names) {
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : names == null ? Set.<String>of() : names) {
            types.add(EventType.of(name).orElseThrow(() -> DomainException.invalidField("eventTypes", "unknown-event-type", name)));
        }
        if (types.isEmpty()) {
            throw DomainException.invalidField("eventTypes", "no-event-types");
        }
        return types;
    }

    private static String disabledReason(Subscription s, Caller caller) {
        return s.enabled() ? (caller.isAdmin() && !s.ownerSubject().equals(caller.subject()) ? "ADMIN" : "OWNER") : s.disabledReason();
    }

    private Instant disabledAt(Subscription s) {
        return s.enabled() ? clock.instant() : s.disabledAt();
    }
}
