package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.certificate.domain.Certificate;
import id.go.kapuaskab.sertel.certificate.domain.CertificateListing;
import id.go.kapuaskab.sertel.certificate.domain.CertificateStatus;
import id.go.kapuaskab.sertel.certificate.repository.CertificateRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who may see which certificates: an applicant their own ({@code sub} is the holder id), a verifier those of the
 * institutions in their token, an admin all; the internal readers of the other services by their identities.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InventoryService {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_EXPIRING_LIMIT = 1000;

    /** One page of a listing. */
    public record Page(List<Certificate> items, int page, int size, long total) {
    }

    /** One page of the expiring walk and the cursor of the next, null at the end. */
    public record Slice(List<Certificate> items, String next) {
    }

    /** Holders per call of {@link #current}: one status-lookup batch of applicant-service. */
    public static final int MAX_CURRENT_HOLDERS = 100;

    private final CertificateRepository certificates;
    private final Clock clock;

    InventoryService(CertificateRepository certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    public Page list(Caller caller, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("inventory.invalid-page", MAX_PAGE_SIZE);
        }
        PanacheQuery<Certificate> query;
        if (caller.is(Caller.ADMIN)) {
            query = certificates.pageOfAll(page, size);
        } else if (caller.is(Caller.VERIFIER)) {
            if (caller.institutions().isEmpty()) {
                return new Page(List.of(), page, size, 0);
            }
            query = certificates.pageOfInstitutions(caller.institutions(), page, size);
        } else if (caller.is(Caller.APPLICANT)) {
            query = certificates.pageOfHolder(holderOf(caller), page, size);
        } else {
            throw DomainException.forbidden("forbidden");
        }
        return new Page(query.list(), page, size, query.count());
    }

    /** One certificate, if this caller may see it: 404 when it does not exist, 403 when it is someone else's. */
    public Certificate get(Caller caller, String serial) {
        Certificate c = certificates.findByIdOptional(normalise(serial))
                .orElseThrow(() -> DomainException.notFound("certificate.not-found", serial));
        boolean allowed = caller.is(Caller.ADMIN) || caller.is(Caller.RENEWAL_SERVICE) || caller.is(Caller.NOTIFICATION_SERVICE)
                || (caller.is(Caller.VERIFIER) && caller.institutions().contains(c.institutionId))
                || (caller.is(Caller.APPLICANT) && c.holderId.toString().equals(caller.subject()));
        if (!allowed) {
            throw DomainException.forbidden("certificate.not-yours");
        }
        return c;
    }

    /** A holder's certificates, newest first; with {@code open} only those neither superseded nor revoked. */
    public List<CertificateListing> byHolder(UUID holderId, boolean open) {
        return certificates.listedOfHolder(holderId, open);
    }

    /**
     * Per holder, the certificate that answers "does this person hold a valid certificate?" (applicant-service's status
     * lookups for regional systems): the ACTIVE one by this service's clock (the latest-expiring, should there be two),
     * else the newest one whatever its state (EXPIRED, REVOKED, SUSPENDED, SUPERSEDED), so the caller can say why there
     * is none. Holders without any certificate are absent. One query for the whole batch.
     */
    public Map<UUID, Certificate> current(Collection<UUID> holderIds) {
        Map<UUID, Certificate> current = new LinkedHashMap<>();
        for (Certificate c : certificates.byHolders(holderIds)) {          // newest first
            Certificate chosen = current.get(c.holderId);
            if (chosen == null) {
                current.put(c.holderId, c);
            } else if (c.statusAt(clock) == CertificateStatus.ACTIVE
                    && (chosen.statusAt(clock) != CertificateStatus.ACTIVE || c.notAfter.isAfter(chosen.notAfter))) {
                current.put(c.holderId, c);
            }
        }
        return current;
    }

    /** ACTIVE (not superseded, suspended or revoked) certificates with {@code from <= notAfter < to}, keyset-paginated. */
    public Slice expiring(Instant from, Instant to, String after, int limit) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw DomainException.invalid("inventory.invalid-window");
        }
        if (limit < 1 || limit > MAX_EXPIRING_LIMIT) {
            throw DomainException.invalid("inventory.invalid-limit", MAX_EXPIRING_LIMIT);
        }
        Instant afterNotAfter = null;
        String afterSerial = null;
        if (after != null && !after.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|", 2);
                afterNotAfter = Instant.parse(parts[0]);
                afterSerial = parts[1];
            } catch (RuntimeException e) {
                throw DomainException.invalid("inventory.invalid-cursor");
            }
        }
        List<Certificate> rows = certificates.expiring(from, to, afterNotAfter, afterSerial, limit + 1);
        if (rows.size() <= limit) {
            return new Slice(rows, null);
        }
        Certificate last = rows.get(limit - 1);
        String next = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.notAfter + "|" + last.serial).getBytes(StandardCharsets.UTF_8));
        return new Slice(rows.subList(0, limit), next);
    }

    private static UUID holderOf(Caller caller) {
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw DomainException.forbidden("forbidden");
        }
    }

    /** Serials are lower-case hex without leading zeros; accept what people paste (upper case, colons). */
    public static String normalise(String serial) {
        if (serial == null) {
            return "";
        }
        String hex = serial.replace(":", "").toLowerCase(java.util.Locale.ROOT).replaceFirst("^0+(?=.)", "");
        return hex.matches("[0-9a-f]{1,40}") ? hex : "";
    }
}
