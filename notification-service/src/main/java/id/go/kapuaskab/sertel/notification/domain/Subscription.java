package id.go.kapuaskab.sertel.notification.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A regional system's webhook subscription. {@code institutions} are those its owner may see, taken from the
 * owner's token when it was created or last changed; an admin's subscription sees every institution.
 * The signing secrets are stored encrypted ({@code secret}, and during a rotation's overlap {@code previousSecret}
 * until {@code previousSecretUntil}); they never leave this record in clear except once, when they are made.
 */
public record Subscription(UUID id, String ownerSubject, OwnerKind ownerKind, String url, String description,
                           Set<EventType> eventTypes, String contactEmail, String language, Set<UUID> institutions,
                           boolean enabled, String disabledReason, Instant disabledAt, byte[] secret, byte[] previousSecret,
                           Instant previousSecretUntil, Instant failingSince, Instant createdAt, Instant updatedAt) {

    /** Who made the subscription: a registered integration client or an admin (a person). */
    public enum OwnerKind {
        INTEGRATION, ADMIN
    }

    public Subscription {
        eventTypes = Set.copyOf(eventTypes);
        institutions = Set.copyOf(institutions);
    }

    /** Whether an event of this institution may reach this subscription. */
    public boolean sees(UUID institutionId) {
        return ownerKind == OwnerKind.ADMIN || institutions.contains(institutionId);
    }
}
