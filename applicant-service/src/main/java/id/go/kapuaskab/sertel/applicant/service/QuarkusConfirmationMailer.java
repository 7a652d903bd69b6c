package id.go.kapuaskab.sertel.applicant.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** Sends the confirmation mail directly through Quarkus Mailer, in the recipient's language (texts in {@code mail*.properties}). */
@ApplicationScoped
public class QuarkusConfirmationMailer implements ConfirmationMailer {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final Mailer mailer;

    QuarkusConfirmationMailer(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(ConfirmationMail mail) {
        Locale locale = "en".equals(mail.language()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        ResourceBundle texts = ResourceBundle.getBundle("mail", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String expires = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).withZone(JAKARTA).format(mail.expiresAt()) + " WIB";
        String body = java.text.MessageFormat.format(texts.getString("confirmation.body"), mail.fullName(), mail.link(), mail.token(), expires);
        mailer.send(Mail.withText(mail.to(), texts.getString("confirmation.subject"), body));
    }
}
