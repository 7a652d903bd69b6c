package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.BrowserLogin;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Renders the login page (Qute templates {@code login.html}, {@code login-error.html}) with its texts from
 * {@code login/messages*.properties}, and the headers such a page needs: no caching, no framing, no referrer to other
 * sites, and a Content-Security-Policy that allows no script at all and posts only to itself and to the client's
 * callback. The referrer policy is {@code same-origin}, not {@code no-referrer}: under {@code no-referrer} browsers post
 * the form with {@code Origin: null}, which the gateway's CORS check refuses.
 */
@ApplicationScoped
public class LoginPage {

    private final Template login;
    private final Template error;
    private final String resetPage;

    LoginPage(@Location("login.html") Template login, @Location("login-error.html") Template error,
              @org.eclipse.microprofile.config.inject.ConfigProperty(name = "sertel.auth.reset.url") String resetUrl) {
        this.login = login;
        this.error = error;
        this.resetPage = resetUrl.contains("?") ? resetUrl.substring(0, resetUrl.indexOf('?')) : resetUrl;
    }

    static String language(String uiLocales, String acceptLanguage) {
        String wanted = uiLocales != null && !uiLocales.isBlank() ? uiLocales : acceptLanguage;
        return wanted != null && wanted.trim().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "id";
    }

    Response password(BrowserLogin.Request r, String lang, String username, BrowserLogin.Failed failed) {
        return html(200, base(login, r, lang).data("step", "password").data("username", username)
                .data("error", message(lang, failed)), r);
    }

    Response code(BrowserLogin.Request r, String lang, String ticket, BrowserLogin.Failed failed) {
        return html(200, base(login, r, lang).data("step", "otp").data("ticket", ticket).data("error", message(lang, failed)), r);
    }

    Response badRequest(String lang) {
        return html(400, error.data("lang", lang).data("t", texts(lang)), null);
    }

    private TemplateInstance base(Template template, BrowserLogin.Request r, String lang) {
        String other = "en".equals(lang) ? "id" : "en";
        return template.data("lang", lang).data("otherLang", other).data("t", texts(lang))
                .data("clientId", r.clientId()).data("redirectUri", r.redirectUri()).data("challenge", r.challenge())
                .data("state", r.state() == null ? "" : r.state()).data("resetPage", resetPage)
                .data("switchLanguage", "authorize?response_type=code&code_challenge_method=S256&client_id=" + enc(r.clientId())
                        + "&redirect_uri=" + enc(r.redirectUri()) + "&code_challenge=" + enc(r.challenge())
                        + (r.state() == null ? "" : "&state=" + enc(r.state())) + "&ui_locales=" + other);
    }

    private Response html(int status, TemplateInstance page, BrowserLogin.Request r) {
        String formAction = "'self'" + (r == null ? "" : " " + origin(r.redirectUri()));
        return Response.status(status).entity(page.render()).type("text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action " + formAction
                        + "; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    private static String message(String lang, BrowserLogin.Failed failed) {
        if (failed == null) {
            return null;
        }
        Map<String, String> t = texts(lang);
        String pattern = t.getOrDefault("error." + failed.key(), t.get("error.invalid-credentials"));
        return MessageFormat.format(pattern, failed.args());
    }

    static Map<String, String> texts(String lang) {
        ResourceBundle bundle = ResourceBundle.getBundle("login.messages", "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("id"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new HashMap<>();
        bundle.keySet().forEach(k -> texts.put(k, bundle.getString(k)));
        return texts;
    }

    private static String origin(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getAuthority();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
