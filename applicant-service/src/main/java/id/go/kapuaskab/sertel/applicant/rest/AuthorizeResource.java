package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.BrowserLogin;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The browser login (OAuth 2.1 authorization endpoint): our own server-rendered page, Indonesian or English, that
 * asks for the password and then, where the account has one, the second factor, and sends the browser back to the
 * client's registered redirect URI with a code (PKCE S256). No script on the page; a strict Content-Security-Policy.
 */
@Path("/api/v1/auth")
@PermitAll
@Tag(name = "auth")
public class AuthorizeResource {

    private final BrowserLogin login;
    private final LoginPage page;

    AuthorizeResource(BrowserLogin login, LoginPage page) {
        this.login = login;
        this.page = page;
    }

    @GET
    @Path("/authorize")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Log in in the browser (authorization endpoint)", description = """
            `response_type=code`, `client_id` (a registered public client, e.g. `web-console`), `redirect_uri` (exactly one \
            of the client's), `code_challenge` with `code_challenge_method=S256`, `state`, optionally `ui_locales` (`id`, \
            `en`). Answers the login page (HTML); after a successful login the browser is sent to `redirect_uri?code=…&state=…`; \
            exchange the code at `/token` with `grant_type=authorization_code` and the `code_verifier`. An unknown client or \
            redirect URI gets an error page, never a redirect.""")
    @APIResponse(responseCode = "200", description = "The login page (text/html)")
    @APIResponse(responseCode = "400", description = "Unknown client, redirect URI not registered, or no S256 challenge (text/html)")
    public Response form(@Parameter(example = "code") @QueryParam("response_type") String responseType,
                         @Parameter(example = "web-console") @QueryParam("client_id") String clientId,
                         @QueryParam("redirect_uri") String redirectUri, @QueryParam("code_challenge") String challenge,
                         @QueryParam("code_challenge_method") String method, @QueryParam("state") String state,
                         @QueryParam("ui_locales") String uiLocales, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        BrowserLogin.Request r = new BrowserLogin.Request(clientId, redirectUri, challenge, state);
        String lang = LoginPage.language(uiLocales, acceptLanguage);
        if (!"code".equals(responseType) || !"S256".equals(method) || !login.acceptable(r)) {
            return page.badRequest(lang);
        }
        return page.password(r, lang, null, null);
    }

    @POST
    @Path("/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Submit the login page", description = """
            The page's own form: `username` and `password`, or, in the second step, `ticket` with `otp` (or `recovery_code`), \
            with the authorization request's parameters. Answers the page again (with a message) or a 303 to the client.""")
    @APIResponse(responseCode = "200", description = "The page again, with a message or asking for the code (text/html)")
    @APIResponse(responseCode = "303", description = "Logged in: to `redirect_uri` with `code` and `state`")
    @APIResponse(responseCode = "400", description = "Not a valid authorization request (text/html)")
    @RequestBody(content = @Content(mediaType = jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED, examples = @ExampleObject(name = "password step",
            value = "client_id=web-console&redirect_uri=https%3A%2F%2Fsertel.kapuaskab.go.id%2Fconsole%2Fcallback"
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&state=af0ifjsldkj&ui_locales=id"
                    + "&username=budi%40kapuaskab.go.id&password=Kata-sandi-panjang-1")))
    public Response submit(@Parameter(example = "web-console") @FormParam("client_id") String clientId, @FormParam("redirect_uri") String redirectUri,
                           @FormParam("code_challenge") String challenge, @FormParam("state") String state,
                           @FormParam("ui_locales") String uiLocales, @FormParam("username") String username,
                           @FormParam("password") String password, @FormParam("ticket") String ticket, @FormParam("otp") String otp,
                           @FormParam("recovery_code") String recoveryCode, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                           @HeaderParam("X-Forwarded-For") String forwardedFor) {
        BrowserLogin.Request r = new BrowserLogin.Request(clientId, redirectUri, challenge, state);
        String lang = LoginPage.language(uiLocales, null);
        if (!login.acceptable(r)) {
            return page.badRequest(lang);
        }
        BrowserLogin.Step step = ticket == null || ticket.isBlank()
                ? login.password(r, username, password, Origins.of(userAgent, forwardedFor))
                : login.code(r, ticket, otp, recoveryCode, Origins.of(userAgent, forwardedFor));
        if (step instanceof BrowserLogin.Redirect to) {
            return Response.seeOther(URI.create(to.location())).header("Cache-Control", "no-store").build();
        }
        if (step instanceof BrowserLogin.AskCode ask) {
            return page.code(r, lang, ask.ticket(), ask.error());
        }
        return page.password(r, lang, username, (BrowserLogin.Failed) step);
    }

    @GET
    @Path("/login.css")
    @Produces("text/css")
    @Operation(summary = "The login page's style sheet", description = "Served from here so the page needs no inline style (CSP).")
    @APIResponse(responseCode = "200", description = "text/css", content = @Content(mediaType = "text/css",
            examples = @ExampleObject(name = "css", value = "body { font-family: sans-serif; margin: 0 auto; max-width: 28rem; } …")))
    public Response css() throws IOException {
        try (InputStream in = AuthorizeResource.class.getResourceAsStream("/login/login.css")) {
            return Response.ok(in.readAllBytes()).header("Cache-Control", "public, max-age=3600").build();
        }
    }
}
