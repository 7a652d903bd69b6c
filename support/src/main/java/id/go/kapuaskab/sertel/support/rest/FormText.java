package id.go.kapuaskab.sertel.support.rest;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.FieldError;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import id.go.kapuaskab.sertel.support.text.UnsafeText;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The form fields of a request (the token endpoint's {@code username}, say) pass the same text rule as JSON bodies and
 * URL parameters ({@link UnsafeText}; a form field has no lines): a NUL in a user name reached PostgreSQL. Runs once the
 * REST layer has read the form, for every endpoint; bodies of other types are not touched.
 */
public class FormText {

    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext context) {
        if (!(context.getServerRequestContext() instanceof ResteasyReactiveRequestContext request)) {
            return;
        }
        FormData form = request.getFormData();
        if (form == null) {
            return;
        }
        for (String name : form) {
            boolean unsafe = UnsafeText.inSingleLine(name);
            for (FormValue value : form.get(name)) {
                unsafe |= !value.isFileItem() && UnsafeText.inSingleLine(value.getValue());
            }
            if (unsafe) {
                String field = UnsafeText.inSingleLine(name) ? "form" : name;
                throw new DomainException(ProblemKind.MALFORMED, "invalid-parameter",
                        List.of(new FieldError(field, "control-character", null)), field);
            }
        }
    }
}
