package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;

/** Query parameters naming an enum constant: absent is null, unknown is a field error rather than JAX-RS's 404. */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField(field, "enum.unknown");
        }
    }
}
