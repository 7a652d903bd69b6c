package id.go.kapuaskab.sertel.notification;

import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.SmtpTestResource;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/** Test helpers: an empty log and inbox, and reading what GreenMail received. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Empties the delivery log, the ledger, the handled events, the webhooks, the inbox and the fake peers; resets the clock. */
    public static void clean() {
        try (Connection c = DriverManager.getConnection(PostgresTestResource.jdbcUrl("sertel_notification"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute("TRUNCATE outbox_attempt, outbox_item, reminder_ledger, inbound_event, delivery, webhook_delivery, webhook_subscription, "
                    + "integration_event CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        purgeMail();
        FakePeers.reset();
        MutableClock.INSTANCE.reset();
    }

    public static void purgeMail() {
        try {
            SmtpTestResource.greenMail().purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<MimeMessage> mails() {
        return Arrays.asList(SmtpTestResource.greenMail().getReceivedMessages());
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part. */
    public static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    /** The text/html part. */
    public static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    private static String part(MimeMessage m, String type) {
        try {
            Object content = m.getContent();
            if (content instanceof String s) {
                return m.isMimeType(type) ? s : null;
            }
            return find((Multipart) content, type);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Multipart multipart, String type) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
