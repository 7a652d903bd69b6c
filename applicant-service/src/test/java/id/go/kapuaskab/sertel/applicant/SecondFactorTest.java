package id.go.kapuaskab.sertel.applicant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.testsupport.Oathtool;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two-factor login with TOTP (RFC 6238), judged by an independent implementation: every code here comes from
 * Debian's {@code oathtool}, never from our own code.
 */
@QuarkusTest
class SecondFactorTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    TestAccounts testAccounts;

    @Test
    void anOfficerEnrolsWithACodeAndThenLogsInWithOneCarryingOtpInAmr() {
        Account v = testAccounts.create(Role.VERIFIER, AccountStatus.ACTIVE, PASSWORD);
        Response first = TokenEndpointTest.login(v.email, PASSWORD);
        first.then().statusCode(200).body("mfa_enrolment_required", equalTo(true));
        assertThat(TokenEndpointTest.jwtPart(first.path("access_token"), 1).get("amr")).isEqualTo(List.of("pwd"));
        String access = first.path("access_token");

        JsonPath enrolment = given().auth().oauth2(access).post("/api/v1/auth/mfa/enrolment").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("otpauthUri", startsWith("otpauth://totp/sertel%20Kapuas:")).body("qrCode", startsWith("data:image/png;base64,"))
                .extract().jsonPath();
        String secret = enrolment.getString("secret");
        assertThat(enrolment.getString("otpauthUri")).contains("secret=" + secret).contains("issuer=sertel%20Kapuas").contains("digits=6");

        code(access, Oathtool.wrong(Oathtool.totp(secret))).then().statusCode(422).body("fieldErrors[0].code", equalTo("mfa.code-invalid"));
        List<String> recovery = code(access, Oathtool.totp(secret)).then().statusCode(200).extract().jsonPath().getList("recoveryCodes");
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(Mails.lastTo(v.email, "MFA_ENABLED")).isNotNull();

        TokenEndpointTest.login(v.email, PASSWORD).then().statusCode(400).contentType(Api.PROBLEM)
                .body("type", equalTo(Api.TYPE + "auth.otp-required")).body("error", equalTo("invalid_grant"));
        String next = Oathtool.totpAt(secret, Instant.now().plusSeconds(30));
        Response withCode = loginWith(v.email, "otp", next);
        withCode.then().statusCode(200);
        assertThat(TokenEndpointTest.jwtPart(withCode.path("access_token"), 1).get("amr")).isEqualTo(List.of("pwd", "otp"));
        loginWith(v.email, "otp", next).then().statusCode(400).body("type", equalTo(Api.TYPE + "auth.otp-invalid"));

        loginWith(v.email, "recovery_code", recovery.get(0)).then().statusCode(200);
        loginWith(v.email, "recovery_code", recovery.get(0)).then().statusCode(400).body("type", equalTo(Api.TYPE + "auth.otp-invalid"));
        given().auth().oauth2(withCode.path("access_token")).get("/api/v1/auth/mfa").then().statusCode(200)
                .body("enrolled", equalTo(true)).body("required", equalTo(true)).body("recoveryCodesLeft", equalTo(9));
        Response refreshed = TokenEndpointTest.refresh(withCode.path("refresh_token"));
        assertThat(TokenEndpointTest.jwtPart(refreshed.path("access_token"), 1).get("amr")).as("kept across refreshes")
                .isEqualTo(List.of("pwd", "otp"));
    }

    @Test
    void anOfficerCannotSwitchItOffButAnAdminResetsALostDevice() {
        Account v = testAccounts.create(Role.VERIFIER, AccountStatus.ACTIVE, PASSWORD);
        String access = TokenEndpointTest.login(v.email, PASSWORD).path("access_token");
        String secret = given().auth().oauth2(access).post("/api/v1/auth/mfa/enrolment").then().extract().path("secret");
        code(access, Oathtool.totp(secret)).then().statusCode(200);
        given().auth().oauth2(access).post("/api/v1/auth/mfa/enrolment").then().statusCode(409)
                .body("type", equalTo(Api.TYPE + "mfa.already-enrolled"));
        Api.as(access).body(Map.of("code", Oathtool.totpAt(secret, Instant.now().plusSeconds(30)))).post("/api/v1/auth/mfa/disable")
                .then().statusCode(409).body("type", equalTo(Api.TYPE + "mfa.required"));

        Api.as(TestTokens.admin(UUID.randomUUID())).body(Map.of("reason", "ponsel hilang")).post("/api/v1/accounts/" + v.id + "/mfa-reset")
                .then().statusCode(204);

        TokenEndpointTest.login(v.email, PASSWORD).then().statusCode(200).body("mfa_enrolment_required", equalTo(true));
        assertThat(Mails.lastTo(v.email, "MFA_DISABLED").path("params").path("byAdmin").asText()).isEqualTo("true");
    }

    @Test
    void anApplicantMayOptInAndOut() {
        Account a = testAccounts.create(Role.APPLICANT, AccountStatus.ACTIVE, PASSWORD);
        Response login = TokenEndpointTest.login(a.email, PASSWORD);
        login.then().body("mfa_enrolment_required", equalTo(null));
        String access = login.path("access_token");
        String secret = given().auth().oauth2(access).post("/api/v1/auth/mfa/enrolment").then().extract().path("secret");
        code(access, Oathtool.totp(secret)).then().statusCode(200);

        Api.as(access).body(Map.of("code", Oathtool.totpAt(secret, Instant.now().plusSeconds(30)))).post("/api/v1/auth/mfa/disable")
                .then().statusCode(204);

        TokenEndpointTest.login(a.email, PASSWORD).then().statusCode(200);
    }

    @Test
    void anAuditorWhoseRoleRequiresItEnrolsAndChangesTheirPasswordLikeEveryOfficer() {
        Account auditor = testAccounts.create(Role.AUDITOR, AccountStatus.ACTIVE, PASSWORD);
        Response first = TokenEndpointTest.login(auditor.email, PASSWORD);
        first.then().statusCode(200).body("mfa_enrolment_required", equalTo(true));
        String access = first.path("access_token");
        given().auth().oauth2(access).get("/api/v1/auth/mfa").then().statusCode(200).body("required", equalTo(true));
        String secret = given().auth().oauth2(access).post("/api/v1/auth/mfa/enrolment").then().statusCode(200).extract().path("secret");
        code(access, Oathtool.totp(secret)).then().statusCode(200);

        String withCode = loginWith(auditor.email, "otp", Oathtool.totpAt(secret, Instant.now().plusSeconds(30)))
                .then().statusCode(200).extract().path("access_token");
        Api.as(withCode).body(Map.of("currentPassword", PASSWORD, "newPassword", "pengawas jejak audit kapuas"))
                .post("/api/v1/auth/password").then().statusCode(204);
    }

    private static Response code(String access, String code) {
        return Api.as(access).body(Map.of("code", code)).post("/api/v1/auth/mfa/enrolment/confirm");
    }

    private static Response loginWith(String email, String field, String value) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("username", email)
                .formParam("password", PASSWORD).formParam(field, value).post("/api/v1/auth/token");
    }
}
