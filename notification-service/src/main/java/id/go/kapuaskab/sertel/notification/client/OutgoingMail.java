package id.go.kapuaskab.sertel.notification.client;

import java.util.Map;

/** One rendered message for one recipient; {@code headers} are extra header fields such as Message-ID. */
public record OutgoingMail(String to, String subject, String text, String html, Map<String, String> headers) {
}
