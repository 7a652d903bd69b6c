package id.go.kapuaskab.sertel.notification.domain;

/** A message as it will be sent: subject, plain text and HTML. */
public record RenderedMail(String subject, String text, String html) {
}
