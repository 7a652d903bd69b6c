package id.go.kapuaskab.sertel.renewal.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants at the edge: ISO-8601 with offset (UTC). */
final class Times {

    private Times() {
    }

    static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
