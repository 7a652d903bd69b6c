package id.go.kapuaskab.sertel.support.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current HTTP request, read from its verified token once per request. Resources inject
 * this (they are singletons) and hand the {@link Caller} to the service layer, which never sees HTTP or tokens.
 */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken jwt;
    private Caller caller;

    CurrentCaller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Caller get() {
        if (caller == null) {
            caller = Caller.of(jwt);
        }
        return caller;
    }
}
