package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.support.security.TokenRevocations;
import id.go.kapuaskab.sertel.testsupport.MutableClock;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Passwords (change, reset, policy), deactivation, the revocation list, step-up for admin changes, new-device notices. */
@QuarkusTest
class AccountSecurityTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "jembatan kapuas di pagi hari";

    @Inject
    TestAccounts testAccounts;
    @Inject
    TokenRevocations revocations;

    @AfterEach
    void resetClock() {
        MutableClock.INSTANCE.reset();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        Response here = TokenEndpointTest.login(a.email, PASSWORD);
        Response elsewhere = TokenEndpointTest.login(a.email, PASSWORD);
        String access = here.path("access_token");

        Api.as(access).body(Map.of("currentPassword", "wrong password here", "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/password").then().statusCode(422).contentType(Api.PROBLEM)
                .body("fieldErrors[0].code", equalTo("password.current-wrong"));
        Api.as(access).body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/password").then().statusCode(204);

        TokenEndpointTest.refresh(elsewhere.path("refresh_token")).then().statusCode(400)
                .body("type", equalTo(Api.TYPE + "auth.refresh-revoked"));
        awaitRefused(elsewhere.path("access_token"));                  // the other session's access token too, within seconds
        String renewed = TokenEndpointTest.refresh(here.path("refresh_token")).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(renewed).get("/api/v1/auth/mfa").then().statusCode(200);
        TokenEndpointTest.login(a.email, PASSWORD).then().statusCode(400);
        TokenEndpointTest.login(a.email, NEW_PASSWORD).then().statusCode(200);
        assertThat(Mails.lastTo(a.email, "PASSWORD_CHANGED").path("params").path("at").asText()).isNotBlank();
    }

    @Test
    void guessingTheCurrentPasswordWithAStolenTokenMeetsTheLoginsBackOff() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String access = TokenEndpointTest.login(a.email, PASSWORD).path("access_token");
        for (int i = 0; i < 5; i++) {
            Api.as(access).body(Map.of("currentPassword", "guess number " + i, "newPassword", NEW_PASSWORD))
                    .post("/api/v1/auth/password").then().statusCode(422).body("fieldErrors[0].code", equalTo("password.current-wrong"));
        }
        Api.as(access).body(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/password").then().statusCode(429).contentType(Api.PROBLEM)
                .body("type", equalTo(Api.TYPE + "auth.locked")).header("Retry-After", notNullValue());
        TokenEndpointTest.login(a.email, PASSWORD).then().statusCode(429).body("type", equalTo(Api.TYPE + "auth.locked"));
    }

    @Test
    void theNewPasswordMayNotBeCommonPersonalOrShort() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String access = TokenEndpointTest.login(a.email, PASSWORD).path("access_token");
        String local = a.email.substring(0, a.email.indexOf('@'));
        for (Map.Entry<String, String> bad : Map.of("Password123!", "password.common", "sayangku2024", "password.common",
                "short", "password.length", "my " + local + " pass", "password.personal").entrySet()) {
            Api.as(access).header("Accept-Language", "en").body(Map.of("currentPassword", PASSWORD, "newPassword", bad.getKey()))
                    .post("/api/v1/auth/password").then().statusCode(422).contentType(Api.PROBLEM)
                    .body("fieldErrors[0].field", equalTo("newPassword")).body("fieldErrors[0].code", equalTo(bad.getValue()));
        }
    }

    @Test
    void aResetLinkWorksOnceBeforeItExpiresAndTheAnswerRevealsNoAccount() {
        Account a = testAccounts.create(Role.VERIFIER, AccountStatus.ACTIVE, PASSWORD);
        Response session = TokenEndpointTest.login(a.email, PASSWORD);
        String nobody = "nobody-" + UUID.randomUUID() + "@kapuaskab.go.id";

        Api.anonymous().body(Map.of("email", nobody)).post("/api/v1/auth/password-reset").then().statusCode(202);
        Api.anonymous().body(Map.of("email", a.email.toUpperCase())).post("/api/v1/auth/password-reset").then().statusCode(202);
        String token = Mails.tokenFor(a.email, "PASSWORD_RESET");
        assertThat(Mails.countTo(nobody)).isZero();

        Api.anonymous().body(Map.of("token", token, "newPassword", "password1234")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(422).body("fieldErrors[0].code", equalTo("password.common"));
        Api.anonymous().body(Map.of("token", token, "newPassword", NEW_PASSWORD)).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(204);
        Api.anonymous().body(Map.of("token", token, "newPassword", NEW_PASSWORD + "!")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(410).contentType(Api.PROBLEM).body("type", equalTo(Api.TYPE + "password-reset.used"));

        TokenEndpointTest.refresh(session.path("refresh_token")).then().statusCode(400);
        TokenEndpointTest.login(a.email, NEW_PASSWORD).then().statusCode(200);
        awaitRefused(session.path("access_token"));

        Api.anonymous().body(Map.of("email", a.email)).post("/api/v1/auth/password-reset").then().statusCode(202);
        String second = awaitNewToken(a.email, token);
        MutableClock.INSTANCE.advance(Duration.ofMinutes(61));
        Api.anonymous().body(Map.of("token", second, "newPassword", NEW_PASSWORD + " lagi")).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(410).body("type", equalTo(Api.TYPE + "password-reset.expired"));
        Api.anonymous().body(Map.of("token", "no-such-token-at-all", "newPassword", NEW_PASSWORD)).post("/api/v1/auth/password-reset/confirm")
                .then().statusCode(404).body("type", equalTo(Api.TYPE + "password-reset.unknown"));
    }

    @Test
    void aDeactivatedAccountLosesItsSessionsAndItsTokensStopWorkingWithinSeconds() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        Response session = TokenEndpointTest.login(a.email, PASSWORD);
        String access = session.path("access_token");
        given().auth().oauth2(access).get("/api/v1/auth/mfa").then().statusCode(200);
        String admin = TestTokens.admin(UUID.randomUUID());

        Api.as(admin).body(Map.of("reason", "pindah tugas ke provinsi")).post("/api/v1/accounts/" + a.id + "/deactivate")
                .then().statusCode(200).body("status", equalTo("DISABLED"));

        TokenEndpointTest.refresh(session.path("refresh_token")).then().statusCode(400);
        TokenEndpointTest.login(a.email, PASSWORD).then().statusCode(400).body("type", equalTo(Api.TYPE + "auth.account-not-active"));
        List<Map<String, Object>> entries = given().get("/api/v1/auth/revocations").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store")).extract().path("entries");
        assertThat(entries).anySatisfy(e -> assertThat(e.get("subject")).isEqualTo(TokenRevocations.fingerprint(a.id.toString())));
        assertThat(entries.toString()).doesNotContain(a.id.toString());
        awaitRefused(access);

        Api.as(admin).body(Map.of("reason", "kembali bertugas")).post("/api/v1/accounts/" + a.id + "/reactivate")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        String fresh = TokenEndpointTest.login(a.email, PASSWORD).path("access_token");
        given().auth().oauth2(fresh).get("/api/v1/auth/mfa").then().statusCode(200);
        assertThat(Api.as(admin).get("/api/v1/accounts/" + a.id + "/history").then().statusCode(200).extract().jsonPath()
                .getList("action", String.class)).containsSubsequence("DEACTIVATED", "REACTIVATED");
    }

    @Test
    void adminChangesNeedASecondFactorInTheSession() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        String passwordOnly = TestTokens.user(UUID.randomUUID(), "ADMIN").amr("pwd").sign();

        Api.as(passwordOnly).body(Map.of("reason", "x")).post("/api/v1/accounts/" + a.id + "/deactivate").then().statusCode(403)
                .contentType(Api.PROBLEM).body("type", equalTo(Api.TYPE + "auth.step-up-required"));
        Api.as(passwordOnly).body(Map.of("code", "STEPUP" + UUID.randomUUID().toString().substring(0, 4), "name", "Dinas Uji",
                        "emailDomains", List.of("uji.kapuaskab.go.id"), "active", true))
                .post("/api/v1/institutions").then().statusCode(403).body("type", equalTo(Api.TYPE + "auth.step-up-required"));
        Api.as(TestTokens.user(UUID.randomUUID(), "VERIFIER").amr("pwd").sign())
                .post("/api/v1/data-changes/" + UUID.randomUUID() + "/approve").then().statusCode(403)
                .body("type", equalTo(Api.TYPE + "auth.step-up-required"));
        Api.as(TestTokens.user(UUID.randomUUID(), "VERIFIER").sign()).body(Map.of("reason", "x"))
                .post("/api/v1/accounts/" + a.id + "/deactivate").then().statusCode(403);
    }

    @Test
    void aLoginFromANewDeviceIsMailedToTheOwner() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        loginFrom(a, "Mozilla/5.0 (X11; Linux) Firefox/140.0", "10.1.2.3");
        loginFrom(a, "Mozilla/5.0 (X11; Linux) Firefox/140.0", "10.1.2.3");
        loginFrom(a, "Mozilla/5.0 (Android 15) Chrome/156.0 Mobile", "10.9.8.7");

        assertThat(Mails.lastTo(a.email, "NEW_DEVICE").path("params").path("device").asText()).contains("Android");
        assertThat(Mails.countTo(a.email)).as("mails once the new device's has come: none for the first two logins").isEqualTo(1);
    }

    private static void loginFrom(Account a, String agent, String address) {
        given().contentType(ContentType.URLENC).header("User-Agent", agent).header("X-Forwarded-For", address)
                .formParam("grant_type", "password").formParam("username", a.email).formParam("password", PASSWORD)
                .post("/api/v1/auth/token").then().statusCode(200);
    }

    /** The token stops being accepted once this service has read its own revocation list (a poll every 2 s). */
    private void awaitRefused(String access) {
        long deadline = System.currentTimeMillis() + 10_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline) {
            revocations.refresh();
            status = given().auth().oauth2(access).get("/api/v1/auth/mfa").then().extract().statusCode();
            if (status == 401) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the retired token was still accepted: " + status);
    }

    private static String awaitNewToken(String email, String old) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String t = Mails.tokenFor(email, "PASSWORD_RESET");
            if (!t.equals(old)) {
                return t;
            }
            sleep();
        }
        throw new AssertionError("no second reset link");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
