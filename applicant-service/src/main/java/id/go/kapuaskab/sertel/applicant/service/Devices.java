package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountEvent;
import id.go.kapuaskab.sertel.applicant.domain.MessageTemplate;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The browsers and addresses an account logs in from. A login from one never seen before gets the owner a mail
 * ("was this you?"), except the very first login of an account. Only a hash of the user agent and the address is
 * kept, never the address itself.
 */
@ApplicationScoped
public class Devices {

    /** Where a login comes from, as the gateway passes it on. */
    public record Origin(String userAgent, String address) {
        public String describe() {
            String agent = userAgent == null || userAgent.isBlank() ? "?" : userAgent;
            return agent.length() > 120 ? agent.substring(0, 120) : agent;
        }
    }

    private final AccountHistory history;
    private final AccountMail mail;
    private final Clock clock;

    Devices(AccountHistory history, AccountMail mail, Clock clock) {
        this.history = history;
        this.mail = mail;
        this.clock = clock;
    }

    /** Records a successful login; mails the owner when the device is new and the account has logged in before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void loggedIn(Account account, Origin origin) {
        byte[] fingerprint = RefreshTokens.hash((origin.userAgent() == null ? "" : origin.userAgent()) + "|"
                + (origin.address() == null ? "" : origin.address()));
        Instant now = clock.instant();
        var em = Panache.getEntityManager();
        long known = ((Number) em.createNativeQuery("SELECT count(*) FROM known_device WHERE account_id = ?1")
                .setParameter(1, account.id).getSingleResult()).longValue();
        int inserted = em.createNativeQuery("""
                        INSERT INTO known_device (account_id, fingerprint, first_seen_at, last_seen_at) VALUES (?1, ?2, ?3, ?3)
                        ON CONFLICT (account_id, fingerprint) DO UPDATE SET last_seen_at = excluded.last_seen_at
                        RETURNING (xmax = 0)""")
                .setParameter(1, account.id).setParameter(2, fingerprint).setParameter(3, now).getResultList().stream()
                .mapToInt(r -> Boolean.TRUE.equals(r) ? 1 : 0).sum();
        if (inserted == 1 && known > 0) {
            history.record(account.id, null, AccountEvent.Action.NEW_DEVICE, origin.describe());
            mail.send(MessageTemplate.NEW_DEVICE, account, Map.of("at", now.toString(), "device", origin.describe()));
        }
    }
}
