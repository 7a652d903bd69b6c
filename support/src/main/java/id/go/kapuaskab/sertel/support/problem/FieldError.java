package id.go.kapuaskab.sertel.support.problem;

/**
 * One invalid input field: {@code field} is the JSON path as the caller sent it (for example
 * {@code subject.email} or {@code items[2].matches}), {@code code} a stable machine-readable reason,
 * {@code message} the human text in the caller's language.
 */
public record FieldError(String field, String code, String message) {
}
