package id.go.kapuaskab.sertel.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The SMTP server every mail of sertel leaves through, and how long each phase of a conversation may take. */
@ConfigMapping(prefix = "sertel.mail.smtp")
public interface SmtpConfig {

    /** How the connection is protected. */
    enum Tls {
        /** Plain SMTP (a mail relay on the same host or cluster network only). */
        NONE,
        /** STARTTLS when the server offers it, plain otherwise. */
        OPTIONAL,
        /** STARTTLS, refusing to send when the server does not offer it. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, port 465). */
        TLS
    }

    /**
     * {@code sertel.mail.smtp.enabled} ({@code SMTP_ENABLED}), default {@code true}. False where no mail may leave (a
     * laptop cluster without a relay): every message is logged as SKIPPED with reason {@code MAIL_DISABLED}, never as sent.
     */
    @WithDefault("true")
    boolean enabled();

    /** {@code sertel.mail.smtp.host} ({@code SMTP_HOST}), default {@code localhost}. */
    @WithDefault("localhost")
    String host();

    /** {@code sertel.mail.smtp.port} ({@code SMTP_PORT}), default {@code 25}. */
    @WithDefault("25")
    int port();

    /** {@code sertel.mail.smtp.tls} ({@code SMTP_TLS}), default {@code STARTTLS}: see {@link Tls}. */
    @WithDefault("STARTTLS")
    Tls tls();

    /** {@code sertel.mail.smtp.username} ({@code SMTP_USERNAME}): AUTH PLAIN/LOGIN when set (only over TLS, unless {@code tls} is NONE). */
    Optional<String> username();

    /** {@code sertel.mail.smtp.password} ({@code SMTP_PASSWORD}). */
    Optional<String> password();

    /** {@code sertel.mail.smtp.from} ({@code MAIL_FROM}), default {@code sertel@kapuaskab.go.id}: the sender of every mail. */
    @WithDefault("sertel@kapuaskab.go.id")
    String from();

    /** {@code sertel.mail.smtp.helo-name}, default {@code sertel.kapuaskab.go.id}: the name this client gives in EHLO. */
    @WithDefault("sertel.kapuaskab.go.id")
    String heloName();

    /** {@code sertel.mail.smtp.connect-timeout}, default {@code PT5S}: TCP connect. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /**
     * {@code sertel.mail.smtp.greeting-timeout}, default {@code PT5S}: how long to wait for the server's 220 on a new
     * connection. A connection that greets nothing in time is dropped and the mail goes out at once on a new one.
     */
    @WithDefault("PT5S")
    Duration greetingTimeout();

    /** {@code sertel.mail.smtp.greeting-retries}, default {@code 2}: new connections tried at once after a missed greeting. */
    @WithDefault("2")
    int greetingRetries();

    /** {@code sertel.mail.smtp.command-timeout}, default {@code PT30S}: any later reply, including the one after the message data. */
    @WithDefault("PT30S")
    Duration commandTimeout();

    /** {@code sertel.mail.smtp.pool-size}, default {@code 8}: idle connections kept for reuse. */
    @WithDefault("8")
    int poolSize();

    /** {@code sertel.mail.smtp.idle-timeout}, default {@code PT10S}: an idle connection older than this is closed, not reused (servers drop idle sessions). */
    @WithDefault("PT10S")
    Duration idleTimeout();

    /** {@code sertel.mail.smtp.messages-per-connection}, default {@code 100}: then the connection is closed and a new one opened. */
    @WithDefault("100")
    int messagesPerConnection();
}
