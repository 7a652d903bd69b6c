package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.support.pii.Pii;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jboss.logging.Logger;

/**
 * Sends the confirmation mail directly through Quarkus Mailer, in the recipient's language (texts in
 * {@code mail*.properties}). Non-blocking: the caller never waits for the mail server; a failure is logged with
 * the address masked, and the owner can ask for a new link.
 */
@ApplicationScoped
public class QuarkusConfirmationMailer implements ConfirmationMailer {

    private static final Logger LOG = Logger.getLogger(QuarkusConfirmationMailer.class);
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final ReactiveMailer mailer;

    QuarkusConfirmationMailer(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(ConfirmationMail mail) {
        Locale locale = "en".equals(mail.language()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        ResourceBundle texts = ResourceBundle.getBundle("mail", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String expires = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).withZone(JAKARTA).format(mail.expiresAt()) + " WIB";
        String body = MessageFormat.format(texts.getString("confirmation.body"), mail.fullName(), mail.link(), mail.token(), expires);
        Mail message = Mail.withText(mail.to(), texts.getString("confirmation.subject"), body);
        mailer.send(message).subscribe().with(
                ok -> LOG.debugf("E-mail confirmation sent to %s", Pii.maskEmail(mail.to())),
                failure -> LOG.errorf("Could not send the e-mail confirmation to %s: %s", Pii.maskEmail(mail.to()), failure.getMessage()));
    }
}
