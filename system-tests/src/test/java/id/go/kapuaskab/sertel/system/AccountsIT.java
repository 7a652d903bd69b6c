package id.go.kapuaskab.sertel.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.journey.AdminLogin;
import id.go.kapuaskab.sertel.journey.Inbox;
import id.go.kapuaskab.sertel.journey.Mail;
import id.go.kapuaskab.sertel.testsupport.Oathtool;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts on the packaged stack, through the gateway: the password reset with the real mail read from SMTP (the one
 * mail path: applicant-service's outbox → notification-service → SMTP), a deactivation cutting off a live session in
 * another service within seconds, two-factor login and step-up with codes from {@code oathtool}, and the browser login
 * (authorization code + PKCE) driven as a browser would.
 */
class AccountsIT {

    private static final String PASSWORD = "kata sandi awal yang panjang";
    private static final Pattern LINK_TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_\\-]+)");
    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");

    static String admin;
    static Inbox inbox;
    static UUID institution;
    static String domain;

    @BeforeAll
    static void setUp() {
        SystemStack.get();
        admin = AdminLogin.accessToken(URI.create(SystemStack.gateway()), "admin@kapuaskab.go.id", "sertel-demo",
                Path.of("target", "sop-journey"));
        inbox = new Inbox(URI.create("http://127.0.0.1:" + SystemStack.ports().inbox()), Duration.ofSeconds(60));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        domain = "akun-" + tag + ".kapuaskab.go.id";
        institution = UUID.fromString(api(admin).body(Map.of("code", "AKUN" + tag.toUpperCase(), "name", "Dinas Uji Akun " + tag,
                "emailDomains", List.of(domain), "active", true)).post("/api/v1/institutions").then().statusCode(201).extract().path("id"));
    }

    @Test
    void aForgottenPasswordIsResetWithTheMailedLinkOnce() {
        Officer v = verifier("reset");
        Response session = login(v.email(), PASSWORD, v.secret());   // a verifier logs in with the second factor

        patiently(() -> api(null).body(Map.of("email", v.email())).post("/api/v1/auth/password-reset")).then().statusCode(202);
        Mail mail = inbox.await(v.email(), "password reset", m -> m.subject().contains("Atur ulang kata sandi"));
        String token = mail.find(LINK_TOKEN).orElseThrow();
        assertThat(mail.text()).contains("/reset-kata-sandi?token=");

        patiently(() -> api(null).body(Map.of("token", token, "newPassword", "kata sandi yang baru sekali"))
                .post("/api/v1/auth/password-reset/confirm")).then().statusCode(204);
        patiently(() -> api(null).body(Map.of("token", token, "newPassword", "kata sandi yang baru lagi"))
                .post("/api/v1/auth/password-reset/confirm")).then().statusCode(410).contentType("application/problem+json");
        login(v.email(), PASSWORD, null).then().statusCode(400);
        patiently(() -> given().baseUri(SystemStack.gateway()).contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", session.path("refresh_token").toString()).post("/api/v1/auth/token")).then().statusCode(400);
        inbox.await(v.email(), "password changed notice", m -> m.subject().contains("telah diubah"));
    }

    @Test
    void aDeactivatedVerifierIsCutOffInEveryServiceWithinSeconds() {
        Officer v = verifier("deact");
        String access = login(v.email(), PASSWORD, v.secret()).path("access_token");
        given().baseUri(SystemStack.gateway()).auth().oauth2(access).get("/api/v1/requests").then().statusCode(200);
        given().baseUri(SystemStack.gateway()).auth().oauth2(access).get("/api/v1/certificates").then().statusCode(200);
        given().baseUri(SystemStack.gateway()).auth().oauth2(access).get("/api/v1/signing-keys").then().statusCode(200);

        api(admin).body(Map.of("reason", "pensiun")).post("/api/v1/accounts/" + v.id() + "/deactivate").then().statusCode(200);
        Instant deactivated = Instant.now();

        for (String path : List.of("/api/v1/requests", "/api/v1/certificates", "/api/v1/notifications", "/api/v1/signing-keys",
                "/api/v1/auth/mfa")) {
            awaitStatus(access, path, 401, Duration.ofSeconds(10));
        }
        System.out.printf("deactivation took effect in every service within %d ms%n", Duration.between(deactivated, Instant.now()).toMillis());
        login(v.email(), PASSWORD, v.secret()).then().statusCode(400).body("type", equalTo(
                "https://sertel.kapuaskab.go.id/problems/auth.account-not-active"));
    }

    @Test
    void approvingNeedsTheSecondFactorWhichOathtoolProvides() {
        Officer v = verifier("stepup");
        Response passwordOnly = login(v.email(), PASSWORD, null);
        passwordOnly.then().statusCode(400).body("type", equalTo("https://sertel.kapuaskab.go.id/problems/auth.otp-required"));
        Response withCode = login(v.email(), PASSWORD, v.secret());
        String amr = new String(Base64.getUrlDecoder().decode(withCode.path("access_token").toString().split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(amr).contains("\"amr\":[\"pwd\",\"otp\"]");
        String random = UUID.randomUUID().toString();
        given().baseUri(SystemStack.gateway()).auth().oauth2(withCode.path("access_token").toString())
                .post("/api/v1/requests/" + random + "/approve").then().statusCode(404);
    }

    @Test
    void theBrowserLoginGivesACodeThatThePkceVerifierExchanges() {
        Officer v = verifier("browser");
        String verifier = verifier();
        String callback = "http://localhost:" + SystemStack.ports().gateway() + "/console/callback";
        Map<String, String> request = new HashMap<>(Map.of("response_type", "code", "client_id", "web-console", "redirect_uri", callback,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256", "state", "st-1"));

        patiently(() -> given().baseUri(SystemStack.gateway()).queryParams(request).get("/api/v1/auth/authorize")).then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"));
        given().baseUri(SystemStack.gateway()).get("/api/v1/auth/login.css").then().statusCode(200);
        String otpPage = patiently(() -> form(request).formParam("username", v.email()).formParam("password", PASSWORD)
                .post("/api/v1/auth/authorize")).then().statusCode(200).extract().asString();
        Matcher ticket = TICKET.matcher(otpPage);
        assertThat(ticket.find()).isTrue();
        String ticketValue = ticket.group(1);
        Response back = patiently(() -> form(request).formParam("ticket", ticketValue)
                .formParam("otp", Oathtool.totpAt(v.secret(), Instant.now().plusSeconds(30))).redirects().follow(false).post("/api/v1/auth/authorize"));
        back.then().statusCode(303);
        URI location = URI.create(back.header("Location"));
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query).containsEntry("state", "st-1");

        Response tokens = patiently(() -> given().baseUri(SystemStack.gateway()).contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").formParam("code", query.get("code")).formParam("client_id", "web-console")
                .formParam("redirect_uri", callback).formParam("code_verifier", verifier).post("/api/v1/auth/token"));
        tokens.then().statusCode(200);
        given().baseUri(SystemStack.gateway()).auth().oauth2(tokens.path("access_token").toString()).get("/api/v1/requests").then().statusCode(200);
        patiently(() -> given().baseUri(SystemStack.gateway()).contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", tokens.path("refresh_token").toString()).post("/api/v1/auth/token")).then().statusCode(200);
    }

    /** A verifier of the test's institution: created by the admin, e-mail confirmed from the real mail, TOTP enrolled. */
    private static Officer verifier(String name) {
        String email = name + "." + UUID.randomUUID().toString().substring(0, 6) + "@" + domain;
        String id = api(admin).body(Map.of("email", email, "fullName", "Petugas Uji", "role", "VERIFIER", "institutionIds", List.of(institution),
                "language", "id")).post("/api/v1/officers").then().statusCode(201).extract().path("id");
        Mail confirmation = inbox.await(email, "e-mail confirmation", m -> m.find(LINK_TOKEN).isPresent());
        String confirmationToken = confirmation.find(LINK_TOKEN).orElseThrow();
        patiently(() -> api(null).body(Map.of("token", confirmationToken, "password", PASSWORD))
                .post("/api/v1/applicants/email-confirmation")).then().statusCode(200);
        String first = login(email, PASSWORD, null).path("access_token");
        String secret = api(first).post("/api/v1/auth/mfa/enrolment").then().statusCode(200).extract().path("secret");
        api(first).body(Map.of("code", Oathtool.totp(secret))).post("/api/v1/auth/mfa/enrolment/confirm").then().statusCode(200);
        return new Officer(UUID.fromString(id), email, secret);
    }

    private record Officer(UUID id, String email, String secret) {
    }

    private static Response login(String email, String password, String secret) {
        return patiently(() -> {
            RequestSpecification r = given().baseUri(SystemStack.gateway()).contentType(ContentType.URLENC).formParam("grant_type", "password")
                    .formParam("username", email).formParam("password", password);
            if (secret != null) {
                r.formParam("otp", Oathtool.totpAt(secret, Instant.now().plusSeconds(30)));
            }
            return r.post("/api/v1/auth/token");
        });
    }

    /**
     * The gateway limits logins, resets and the login page per client address (10 a minute); like any client, the test
     * waits out a 429 for the time its Retry-After says.
     */
    static Response patiently(java.util.function.Supplier<Response> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            Response r = call.get();
            if (r.statusCode() != 429 || System.nanoTime() > deadline) {
                return r;
            }
            String after = r.header("Retry-After");
            try {
                Thread.sleep(1000L * Math.max(1, after == null ? 5 : Long.parseLong(after.trim())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    private static RequestSpecification api(String token) {
        RequestSpecification r = given().baseUri(SystemStack.gateway()).contentType(ContentType.JSON);
        return token == null ? r : r.auth().oauth2(token);
    }

    private static RequestSpecification form(Map<String, String> fields) {
        RequestSpecification r = given().baseUri(SystemStack.gateway()).contentType(ContentType.URLENC);
        fields.forEach(r::formParam);
        return r;
    }

    private static void awaitStatus(String token, String path, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            last = given().baseUri(SystemStack.gateway()).auth().oauth2(token).get(path).then().extract().statusCode();
            if (last == status) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError(path + " still answered " + last + " after " + within);
    }

    private static String verifier() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
