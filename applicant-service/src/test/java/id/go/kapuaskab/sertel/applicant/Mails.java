package id.go.kapuaskab.sertel.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.SmtpTestResource;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the confirmation mail that really went through SMTP (GreenMail) and pulls out the one-time token. */
final class Mails {

    private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_-]{43})");

    private Mails() {
    }

    static MimeMessage lastTo(String address) {
        long deadline = System.currentTimeMillis() + 75_000;
        while (System.currentTimeMillis() < deadline) {
            MimeMessage[] all = SmtpTestResource.greenMail().getReceivedMessages();
            for (int i = all.length - 1; i >= 0; i--) {
                if (isTo(all[i], address)) {
                    return all[i];
                }
            }
            sleep();
        }
        throw new AssertionError("No mail to " + address);
    }

    static String tokenFor(String address) {
        try {
            String body = lastTo(address).getContent().toString();
            Matcher m = TOKEN.matcher(body);
            assertThat(m.find()).as("link with token in: %s", body).isTrue();
            return m.group(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until at least {@code count} mails reached the address (mail leaves after commit, off the request thread). */
    static void awaitCount(String address, long count) {
        long deadline = System.currentTimeMillis() + 75_000;
        while (countTo(address) < count && System.currentTimeMillis() < deadline) {
            sleep();
        }
        assertThat(countTo(address)).isEqualTo(count);
    }

    static long countTo(String address) {
        return Arrays.stream(SmtpTestResource.greenMail().getReceivedMessages()).filter(m -> isTo(m, address)).count();
    }

    private static boolean isTo(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
