package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.support.pii.Pii;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Sends the confirmation mail directly through Quarkus Mailer, in the recipient's language (texts in
 * {@code mail*.properties}). The send runs on a worker of its own, never on the request that issued the
 * token nor in its Vert.x context (a mail client bound to a finished request can stall until the server
 * drops it); a failed attempt is retried twice after a pause, then logged with the address masked, and the
 * owner can ask for a new link.
 */
@ApplicationScoped
public class QuarkusConfirmationMailer implements ConfirmationMailer {

    private static final Logger LOG = Logger.getLogger(QuarkusConfirmationMailer.class);
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final int ATTEMPTS = 3;

    private final Mailer mailer;
    private final ManagedExecutor executor;

    QuarkusConfirmationMailer(Mailer mailer, ManagedExecutor executor) {
        this.mailer = mailer;
        this.executor = executor;
    }

    @Override
    public void send(ConfirmationMail mail) {
        Mail message = render(mail);
        executor.runAsync(() -> deliver(message, mail.to()));
    }

    private void deliver(Mail message, String to) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                mailer.send(message);
                LOG.debugf("E-mail confirmation sent to %s", Pii.maskEmail(to));
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    LOG.errorf("Could not send the e-mail confirmation to %s after %d attempts: %s", Pii.maskEmail(to), ATTEMPTS, e.getMessage());
                    return;
                }
                LOG.warnf("E-mail confirmation to %s failed (attempt %d), retrying: %s", Pii.maskEmail(to), attempt, e.getMessage());
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Mail render(ConfirmationMail mail) {
        Locale locale = "en".equals(mail.language()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        ResourceBundle texts = ResourceBundle.getBundle("mail", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String expires = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).withZone(JAKARTA).format(mail.expiresAt()) + " WIB";
        String body = MessageFormat.format(texts.getString("confirmation.body"), mail.fullName(), mail.link(), mail.token(), expires);
        return Mail.withText(mail.to(), texts.getString("confirmation.subject"), body);
    }
}
