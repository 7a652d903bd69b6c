package id.go.kapuaskab.sertel.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mails this service handed to notification-service ({@link MessageReceiver}), through its outbox: the last one
 * to an address, and the one-time token of its link.
 */
final class Mails {

    private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_-]{43})");

    private Mails() {
    }

    static JsonNode lastTo(String address) {
        return lastTo(address, null);
    }

    /** The last message to the address, of the template when one is named; waits for it to be handed over. */
    static JsonNode lastTo(String address, String template) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> all = to(address, template);
            if (!all.isEmpty()) {
                return all.get(all.size() - 1);
            }
            sleep();
        }
        throw new AssertionError("No message " + (template == null ? "" : template + " ") + "to " + address);
    }

    static String tokenFor(String address) {
        return tokenFor(address, "EMAIL_VERIFICATION");
    }

    static String tokenFor(String address, String template) {
        String link = lastTo(address, template).path("params").path("link").asText();
        Matcher m = TOKEN.matcher(link);
        assertThat(m.find()).as("link with token: %s", link).isTrue();
        return m.group(1);
    }

    /** Waits until at least {@code count} messages reached the address. */
    static void awaitCount(String address, long count) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (countTo(address) < count && System.currentTimeMillis() < deadline) {
            sleep();
        }
        assertThat(countTo(address)).isEqualTo(count);
    }

    static long countTo(String address) {
        return to(address, null).size();
    }

    private static List<JsonNode> to(String address, String template) {
        return MessageReceiver.RECEIVED.stream().filter(m -> m.path("to").asText().equalsIgnoreCase(address))
                .filter(m -> template == null || template.equals(m.path("template").asText())).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
