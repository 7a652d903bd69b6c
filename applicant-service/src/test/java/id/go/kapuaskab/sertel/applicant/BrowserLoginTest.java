package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.testsupport.Oathtool;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser login, driven as a browser would: GET the page, POST its form (password, then the code), follow the
 * 303 to the client's callback, exchange the code with the PKCE verifier, refresh.
 */
@QuarkusTest
class BrowserLoginTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String CLIENT = "web-console";
    private static final String CALLBACK = "http://localhost:8080/console/callback";
    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");

    @Inject
    TestAccounts testAccounts;

    @Test
    void anOfficerWithASecondFactorLogsInThroughThePageAndTheCodeExchange() {
        Account v = testAccounts.create(Role.VERIFIER, AccountStatus.ACTIVE, PASSWORD);
        String access = TokenEndpointTest.login(v.email, PASSWORD).path("access_token");
        String secret = given().auth().oauth2(access).post("/api/v1/auth/mfa/enrolment").then().extract().path("secret");
        List<String> recovery = Api.as(access).body(Map.of("code", Oathtool.totp(secret))).post("/api/v1/auth/mfa/enrolment/confirm")
                .then().statusCode(200).extract().jsonPath().getList("recoveryCodes");
        String verifier = verifier();
        Map<String, String> request = request(verifier, "xyz-state");

        String page = given().queryParams(request).get("/api/v1/auth/authorize").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("X-Frame-Options", "DENY").header("Cache-Control", "no-store")
                // not no-referrer: browsers then post the form with "Origin: null", which the gateway's CORS check refuses (403)
                .header("Referrer-Policy", "same-origin")
                .body(containsString("<meta name=\"referrer\" content=\"same-origin\">"))
                .body(containsString("<label for=\"username\">Alamat e-mail dinas</label>"))
                .body(containsString("lang=\"id\"")).extract().asString();
        assertThat(page).doesNotContain("<script");

        String wrong = form(request).formParam("username", v.email).formParam("password", "not the password").post("/api/v1/auth/authorize")
                .then().statusCode(200).body(containsString("role=\"alert\"")).extract().asString();
        assertThat(wrong).contains("E-mail atau kata sandi salah.");

        String otpPage = form(request).formParam("username", v.email).formParam("password", PASSWORD).post("/api/v1/auth/authorize")
                .then().statusCode(200).body(containsString("autocomplete=\"one-time-code\"")).extract().asString();
        Matcher ticket = TICKET.matcher(otpPage);
        assertThat(ticket.find()).isTrue();
        assertThat(otpPage).doesNotContain(PASSWORD);

        Response done = form(request).formParam("ticket", ticket.group(1)).formParam("otp", Oathtool.totpAt(secret, Instant.now().plusSeconds(30)))
                .redirects().follow(false).post("/api/v1/auth/authorize");
        done.then().statusCode(303);
        URI location = URI.create(done.header("Location"));
        assertThat(location.toString()).startsWith(CALLBACK + "?");
        Map<String, String> query = query(location);
        assertThat(query.get("state")).isEqualTo("xyz-state");

        exchange(query.get("code"), verifier() /* another verifier */).then().statusCode(400)
                .body("type", equalTo(Api.TYPE + "auth.code-invalid")).body("error", equalTo("invalid_grant"));
        form(request).formParam("ticket", ticket.group(1)).formParam("otp", Oathtool.totpAt(secret, Instant.now().plusSeconds(30)))
                .redirects().follow(false).post("/api/v1/auth/authorize").then().statusCode(200);

        Response again = given().queryParams(request).get("/api/v1/auth/authorize");
        again.then().statusCode(200);
        String code2 = loginThroughPage(request, v.email, recovery.get(0));
        Response tokens = exchange(code2, verifier);
        tokens.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(TokenEndpointTest.jwtPart(tokens.path("access_token"), 1).get("amr")).isEqualTo(List.of("pwd", "otp"));
        exchange(code2, verifier).then().statusCode(400).body("type", equalTo(Api.TYPE + "auth.code-invalid"));
        TokenEndpointTest.refresh(tokens.path("refresh_token")).then().statusCode(200);
    }

    @Test
    void anApplicantWithoutASecondFactorIsSentBackAfterThePassword() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String verifier = verifier();
        Map<String, String> request = request(verifier, "s1");
        request.put("ui_locales", "en");
        given().queryParams(request).get("/api/v1/auth/authorize").then().statusCode(200).body(containsString("lang=\"en\""))
                .body(containsString("Official e-mail address"));

        Response done = form(request).formParam("username", a.email).formParam("password", PASSWORD).redirects().follow(false)
                .post("/api/v1/auth/authorize");
        done.then().statusCode(303);
        Response tokens = exchange(query(URI.create(done.header("Location"))).get("code"), verifier);
        tokens.then().statusCode(200);
        assertThat(TokenEndpointTest.jwtPart(tokens.path("access_token"), 1).get("amr")).isEqualTo(List.of("pwd"));
    }

    @Test
    void anUnregisteredRedirectOrAMissingChallengeGetsAnErrorPageNeverARedirect() {
        Map<String, String> evil = request(verifier(), "s");
        evil.put("redirect_uri", "https://evil.example/callback");
        given().queryParams(evil).redirects().follow(false).get("/api/v1/auth/authorize").then().statusCode(400)
                .contentType(containsString("text/html")).body(not(containsString("evil.example")));
        Map<String, String> plain = request(verifier(), "s");
        plain.put("code_challenge_method", "plain");
        given().queryParams(plain).get("/api/v1/auth/authorize").then().statusCode(400);
        Map<String, String> unknown = request(verifier(), "s");
        unknown.put("client_id", "someone-else");
        given().queryParams(unknown).get("/api/v1/auth/authorize").then().statusCode(400);
    }

    @Test
    void discoveryListsTheAuthorizationEndpointAndPkce() {
        given().get("/api/v1/auth/.well-known/openid-configuration").then().statusCode(200)
                .body("authorization_endpoint", org.hamcrest.Matchers.endsWith("/api/v1/auth/authorize"))
                .body("code_challenge_methods_supported", equalTo(List.of("S256")))
                .body("grant_types_supported", equalTo(List.of("authorization_code", "refresh_token", "client_credentials", "password")));
    }

    /** The page again, this time with a recovery code (every code of the current steps was used above). */
    private String loginThroughPage(Map<String, String> request, String email, String recoveryCode) {
        String otpPage = form(request).formParam("username", email).formParam("password", PASSWORD).post("/api/v1/auth/authorize")
                .then().statusCode(200).extract().asString();
        Matcher ticket = TICKET.matcher(otpPage);
        assertThat(ticket.find()).isTrue();
        Response wrong = form(request).formParam("ticket", ticket.group(1)).formParam("recovery_code", "wrong-codes")
                .redirects().follow(false).post("/api/v1/auth/authorize");
        wrong.then().statusCode(200).body(containsString("role=\"alert\""));
        Matcher again = TICKET.matcher(wrong.asString());
        assertThat(again.find()).isTrue();
        Response ok = form(request).formParam("ticket", again.group(1)).formParam("recovery_code", recoveryCode)
                .redirects().follow(false).post("/api/v1/auth/authorize");
        ok.then().statusCode(303);
        return query(URI.create(ok.header("Location"))).get("code");
    }

    private static io.restassured.specification.RequestSpecification form(Map<String, String> request) {
        var spec = given().contentType(ContentType.URLENC);
        request.forEach(spec::formParam);
        return spec;
    }

    private static Response exchange(String code, String verifier) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("client_id", CLIENT).formParam("redirect_uri", CALLBACK).formParam("code_verifier", verifier)
                .post("/api/v1/auth/token");
    }

    private static Map<String, String> request(String verifier, String state) {
        Map<String, String> r = new HashMap<>();
        r.put("response_type", "code");
        r.put("client_id", CLIENT);
        r.put("redirect_uri", CALLBACK);
        r.put("code_challenge", challenge(verifier));
        r.put("code_challenge_method", "S256");
        r.put("state", state);
        return r;
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

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
