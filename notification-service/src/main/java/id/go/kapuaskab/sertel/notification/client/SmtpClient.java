package id.go.kapuaskab.sertel.notification.client;

import id.go.kapuaskab.sertel.notification.config.SmtpConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.LinkedBlockingDeque;
import javax.net.ssl.SSLSocketFactory;
import org.jboss.logging.Logger;

/**
 * Sends mail through the configured SMTP server, reusing a few idle connections. One call is one delivery attempt as
 * the outbox counts them; inside it, a connection that fails before the server could have taken the message (no
 * greeting in time, a pooled session the server dropped, a 421 before the data) is replaced by a new one at once,
 * because nothing was accepted and so nothing can be duplicated. Only a failure after the whole message was
 * written leaves the outcome open; that one goes back to the outbox.
 */
@ApplicationScoped
public class SmtpClient {

    private static final Logger LOG = Logger.getLogger(SmtpClient.class);

    private final SmtpConfig config;
    private final Clock clock;
    private final SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
    private final LinkedBlockingDeque<SmtpConnection> idle = new LinkedBlockingDeque<>();

    SmtpClient(SmtpConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Sends one message; throws {@link SmtpException} when the server did not accept it. */
    public void send(OutgoingMail mail) {
        byte[] data = MimeWriter.write(config.from(), mail, clock.instant());
        SmtpConnection pooled = idle.pollFirst();
        while (pooled != null && !pooled.reusable(config.idleTimeout().toNanos(), config.messagesPerConnection())) {
            pooled.close();
            pooled = idle.pollFirst();
        }
        if (pooled != null) {
            try {
                deliver(pooled, mail, data);
                return;
            } catch (SmtpException e) {
                if (!nothingAccepted(e)) {
                    throw e;
                }
                LOG.debugf("A pooled SMTP session failed before the message was taken (%s); sending on a new one", e.getMessage());
            }
        }
        SmtpConnection fresh = open();
        try {
            deliver(fresh, mail, data);
        } catch (SmtpException e) {
            if (!nothingAccepted(e) || e.code() == null) {
                throw e;
            }
            LOG.debugf("The server closed the session (%s) before taking the message; sending on a new one", e.getMessage());
            deliver(open(), mail, data);
        }
    }

    private void deliver(SmtpConnection c, OutgoingMail mail, byte[] data) {
        try {
            c.send(config.from(), mail.to(), data);
        } catch (SmtpException e) {
            release(c, e.code() != null && e.code() != 421 && e.code() >= 400);
            throw e;
        }
        release(c, true);
    }

    /** A 421 or a broken connection before the data was complete: the server has not taken the message. */
    private static boolean nothingAccepted(SmtpException e) {
        return !e.maybeDelivered() && (e.code() == null || e.code() == 421);
    }

    /** A new session, retrying at once on a new connection when one greets nothing within the greeting time-out. */
    private SmtpConnection open() {
        IOException last = null;
        for (int i = 0; i <= config.greetingRetries(); i++) {
            try {
                return SmtpConnection.open(config, tls);
            } catch (SmtpConnection.GreetingMissed e) {
                LOG.infof("SMTP: %s; connecting again", e.getMessage());
                last = e;
            } catch (IOException e) {
                throw new SmtpException(null, "cannot reach the mail server: " + e, false, e);
            }
        }
        throw new SmtpException(null, last.getMessage(), false, last);
    }

    private void release(SmtpConnection c, boolean keep) {
        if (keep && c.reusable(config.idleTimeout().toNanos(), config.messagesPerConnection()) && idle.size() < config.poolSize()) {
            idle.offerFirst(c);
        } else {
            c.close();
        }
    }

    @PreDestroy
    void closeAll() {
        SmtpConnection c;
        while ((c = idle.pollFirst()) != null) {
            c.close();
        }
    }
}
