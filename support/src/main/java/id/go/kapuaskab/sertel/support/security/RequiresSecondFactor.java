package id.go.kapuaskab.sertel.support.security;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that changes who may do what (an admin's change to institutions, officers or accounts): the
 * caller's session must carry a second factor ({@link StepUp}). Checked after {@code @RolesAllowed}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresSecondFactor {
}
