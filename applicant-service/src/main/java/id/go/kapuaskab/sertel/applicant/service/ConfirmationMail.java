package id.go.kapuaskab.sertel.applicant.service;

import java.time.Instant;

/** An e-mail confirmation message to send: the link carries the one-time token. */
public record ConfirmationMail(String to, String language, String fullName, String token, String link, Instant expiresAt) {
}
