package id.go.kapuaskab.sertel.support.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds localized {@link Problem} bodies from problem codes; the only place that joins code and text. */
public final class Problems {

    private Problems() {
    }

    public static Problem of(String code, int status, Locale locale, String requestId, String instance, Object... args) {
        return of(code, status, locale, requestId, instance, List.of(), Map.of(), args);
    }

    public static Problem of(String code, int status, Locale locale, String requestId, String instance,
                             List<FieldError> fieldErrors, Map<String, Object> extensions, Object... args) {
        List<FieldError> localized = fieldErrors.stream()
                .map(f -> f.message() != null ? f : new FieldError(f.field(), f.code(), Messages.field(f.code(), locale, args)))
                .toList();
        return new Problem(code, Messages.title(code, locale), status, Messages.detail(code, locale, args), instance,
                requestId, localized, extensions);
    }

    /** The body for a domain exception: its kind decides the status, its code the text. */
    public static Problem of(DomainException e, Locale locale, String requestId, String instance) {
        return of(e.code(), e.kind().status(), locale, requestId, instance, e.fieldErrors(), e.extensions(), e.args());
    }
}
