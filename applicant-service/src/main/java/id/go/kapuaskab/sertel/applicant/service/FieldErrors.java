package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.FieldError;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import java.util.ArrayList;
import java.util.List;

/** Collects every field error of one input, so the caller learns all of them at once (422 {@code validation}). */
final class FieldErrors {

    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();

    FieldErrors(String prefix) {
        this.prefix = prefix;
    }

    /** Adds an error unless the field already has one: the first reason is the most basic. */
    FieldErrors add(String field, String code) {
        if (!has(field)) {
            errors.add(new FieldError(prefix + field, code, null));
        }
        return this;
    }

    boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(prefix + field));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new DomainException(ProblemKind.INVALID, "validation", errors);
        }
    }
}
