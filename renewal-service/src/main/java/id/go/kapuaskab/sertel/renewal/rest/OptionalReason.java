package id.go.kapuaskab.sertel.renewal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;

/**
 * The optional JSON body of cancel and release: absent (with or without a Content-Type), or {@code {"reason": …}}.
 * JAX-RS would refuse a missing body for a typed parameter, so it is read here, with the same validation and errors.
 */
@ApplicationScoped
class OptionalReason {

    private final ObjectMapper mapper;
    private final Validator validator;

    OptionalReason(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    String read(byte[] body) throws IOException {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        Bodies.Reason reason = mapper.readValue(body, Bodies.Reason.class);
        if (reason == null) {
            return null;
        }
        var violations = validator.validate(reason);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return reason.reason();
    }
}
