package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.ApplicantConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.EmailToken;
import id.go.kapuaskab.sertel.applicant.domain.MessageTemplate;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.EmailTokenRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * One-time e-mail confirmation tokens: 256 random bits shown once (in the mail), stored only as SHA-256,
 * used at most once, expiring after {@code sertel.applicant.registration.confirmation-ttl}; a new token
 * retires the older ones of the account. The mail goes through the outbox ({@link AccountMail}) in the issuing
 * transaction, so a rolled-back registration never mails a link and a committed one always does.
 */
@ApplicationScoped
public class EmailConfirmations {

    private final EmailTokenRepository tokens;
    private final AccountRepository accounts;
    private final ApplicantConfig config;
    private final AccountMail mail;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EmailConfirmations(EmailTokenRepository tokens, AccountRepository accounts, ApplicantConfig config, AccountMail mail, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.config = config;
        this.mail = mail;
        this.clock = clock;
    }

    /** Issues a token for the account's current address and mails it after commit. Needs a transaction. */
    public void issue(Account account) {
        Instant now = clock.instant();
        tokens.retireOpen(account.id, now);
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        EmailToken token = new EmailToken();
        token.id = UUID.randomUUID();
        token.accountId = account.id;
        token.tokenHash = RefreshTokens.hash(value);
        token.email = account.email;
        token.createdAt = now;
        token.expiresAt = now.plus(config.registration().confirmationTtl());
        tokens.persist(token);
        String link = config.registration().confirmationUrl() + "?token=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        mail.send(MessageTemplate.EMAIL_VERIFICATION, account, Map.of("link", link, "token", value, "expiresAt", token.expiresAt.toString()));
    }

    /** Uses a presented token up and returns its account, locked for update. Needs a transaction. */
    public Account consume(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 128) {
            throw DomainException.invalidField("token", "token.required");
        }
        Instant now = clock.instant();
        EmailToken token = tokens.findByHash(RefreshTokens.hash(presented.strip()))
                .orElseThrow(() -> DomainException.notFound("email-token.unknown"));
        if (token.usedAt != null) {
            throw new DomainException(ProblemKind.GONE, "email-token.used");
        }
        if (!token.expiresAt.isAfter(now)) {
            throw new DomainException(ProblemKind.GONE, "email-token.expired");
        }
        Account account = accounts.findById(token.accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!account.email.equals(token.email) || !tokens.markUsed(token.id, now)) {
            throw new DomainException(ProblemKind.GONE, "email-token.used");
        }
        return account;
    }
}
