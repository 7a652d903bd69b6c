package id.go.kapuaskab.sertel.signing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Multipart calls of the signing and verification endpoints, as an e-office or a front end makes them. */
public final class Sign {

    private Sign() {
    }

    public static Response post(String token, byte[] pdf, String passphrase, UUID holderId, String visible) {
        RequestSpecification r = given().multiPart("document", "surat.pdf", pdf, "application/pdf");
        if (token != null) {
            r = r.auth().oauth2(token);
        }
        if (passphrase != null) {
            r = r.multiPart("passphrase", passphrase);
        }
        if (holderId != null) {
            r = r.multiPart("holderId", holderId.toString());
        }
        if (visible != null) {
            r = r.multiPart("visible", visible, "application/json");
        }
        return r.post("/api/v1/signatures");
    }

    public static byte[] ok(String token, byte[] pdf, String passphrase) {
        return post(token, pdf, passphrase, null, null).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
    }

    public static Response verify(String token, byte[] pdf) {
        return given().auth().oauth2(token).multiPart("document", "surat.pdf", pdf, "application/pdf")
                .post("/api/v1/signatures/verification");
    }
}
