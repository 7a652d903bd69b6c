package id.go.kapuaskab.sertel.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Limits under test settings: 20 calls at once then 5/s per subject; 6 logins per minute per address. */
@QuarkusTest
class RateLimitTest {

    @Test
    void aClientOverItsBurstGets429WithRetryAfterWhileOthersPass() {
        String greedy = TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID());
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 40 && limited == null; i++) {
            Response r = given().auth().oauth2(greedy).get("/api/v1/requests");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertThat(statuses.subList(0, 20)).containsOnly(200);
        assertThat(limited).as("a 429 after the burst").isNotNull();
        limited.then().contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("https://sertel.kapuaskab.go.id/problems/rate-limited"));

        given().auth().oauth2(TestTokens.applicant(UUID.randomUUID(), UUID.randomUUID())).get("/api/v1/requests")
                .then().statusCode(200);
    }

    @Test
    void loginIsLimitedPerAddressMoreStrictly() {
        int allowed = 0;
        Response limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            Response r = given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                    .post("/api/v1/auth/token");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(6);
        assertThat(limited).isNotNull();
        limited.then().contentType("application/problem+json")
                .header("Retry-After", equalTo("10"));
    }
}
