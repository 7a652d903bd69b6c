package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The login page's steps (OAuth 2.1 authorization code with PKCE): the password, then, where the account has one,
 * the second factor; then a code for the client, sent back to its registered redirect URI. A failure is a message
 * for the page, never a redirect with an error (the person tries again on the same page).
 */
@ApplicationScoped
public class BrowserLogin {

    /** An authorization request, as the client made it. */
    public record Request(String clientId, String redirectUri, String challenge, String state) {
        String binding() {
            return clientId + "|" + redirectUri + "|" + challenge + "|" + state;
        }
    }

    /** What the page does next. */
    public sealed interface Step permits Redirect, AskCode, Failed {
    }

    public record Redirect(String location) implements Step {
    }

    /** Ask for the second factor (again, with {@code error}, after a wrong code). */
    public record AskCode(String ticket, Failed error) implements Step {
    }

    /** A message of the page ({@code error.<key>}) with its arguments. */
    public record Failed(String key, Object... args) implements Step {
    }

    private final Authenticator authenticator;
    private final AuthorizationCodes codes;
    private final LoginTickets tickets;

    BrowserLogin(Authenticator authenticator, AuthorizationCodes codes, LoginTickets tickets) {
        this.authenticator = authenticator;
        this.codes = codes;
        this.tickets = tickets;
    }

    /** Whether the request may be served at all: a registered client, its exact redirect URI, an S256 challenge. */
    public boolean acceptable(Request r) {
        return codes.redirectAllowed(r.clientId(), r.redirectUri()) && AuthorizationCodes.validChallenge(r.challenge())
                && (r.state() == null || r.state().length() <= 512);
    }

    public Step password(Request r, String username, String password, Devices.Origin origin) {
        try {
            Account account = authenticator.password(username, password);
            if (account.hasSecondFactor()) {
                return new AskCode(tickets.issue(account.id, r.binding()), null);
            }
            return redirect(r, authenticator.complete(account, "pwd", origin));
        } catch (DomainException e) {
            return failed(e);
        }
    }

    public Step code(Request r, String ticket, String otp, String recoveryCode, Devices.Origin origin) {
        Optional<UUID> account = tickets.check(ticket, r.binding());
        if (account.isEmpty()) {
            return new Failed("expired");
        }
        try {
            return redirect(r, authenticator.secondStep(account.get(), otp, recoveryCode, origin));
        } catch (DomainException e) {
            Failed failed = failed(e);
            return "locked".equals(failed.key()) || "account-not-active".equals(failed.key()) ? failed
                    : new AskCode(tickets.issue(account.get(), r.binding()), failed);
        }
    }

    private Redirect redirect(Request r, Authenticator.Authenticated who) {
        String code = codes.issue(who.account().id, who.amr(), r.clientId(), r.redirectUri(), r.challenge());
        StringBuilder location = new StringBuilder(r.redirectUri()).append(r.redirectUri().contains("?") ? '&' : '?')
                .append("code=").append(URLEncoder.encode(code, StandardCharsets.UTF_8));
        if (r.state() != null) {
            location.append("&state=").append(URLEncoder.encode(r.state(), StandardCharsets.UTF_8));
        }
        return new Redirect(location.toString());
    }

    private static Failed failed(DomainException e) {
        String key = e.code().startsWith("auth.") ? e.code().substring(5) : "invalid-credentials";
        return new Failed(key, e.args());
    }
}
