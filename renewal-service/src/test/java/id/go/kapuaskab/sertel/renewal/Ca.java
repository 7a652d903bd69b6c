package id.go.kapuaskab.sertel.renewal;

import static io.restassured.RestAssured.given;

import id.go.kapuaskab.sertel.renewal.peers.RealCa;
import id.go.kapuaskab.sertel.testsupport.Openssl;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;

/** Reads from the real CA, as its other clients do (public PKI, an admin, the holder); it never signs for a test. */
final class Ca {

    private Ca() {
    }

    static String chainPem() {
        return given().baseUri(RealCa.url()).get("/pki/ca/chain.pem").then().statusCode(200).extract().asString();
    }

    static String certificatePem(Flow.Person holder, String serial) {
        return given().baseUri(RealCa.url()).auth().oauth2(holder.token()).accept("application/x-pem-file")
                .get("/api/v1/certificates/" + serial).then().statusCode(200).extract().asString();
    }

    static JsonPath certificate(String serial) {
        return given().baseUri(RealCa.url()).auth().oauth2(TestTokens.admin(UUID.randomUUID())).accept("application/json")
                .get("/api/v1/certificates/" + serial).then().statusCode(200).extract().jsonPath();
    }

    /** Every certificate of a holder, as renewal-service itself sees them (a read). */
    static List<String> serialsOf(UUID holderId) {
        return given().baseUri(RealCa.url()).auth().oauth2(TestTokens.service("renewal-service", "RENEWAL_SERVICE"))
                .get("/internal/certificates?holderId=" + holderId).then().statusCode(200).extract().jsonPath().getList("serial");
    }

    static void suspend(String serial) {
        given().baseUri(RealCa.url()).auth().oauth2(TestTokens.admin(UUID.randomUUID())).post("/api/v1/certificates/" + serial + "/suspend")
                .then().statusCode(200);
    }

    /** openssl verify of a certificate against the CA's published chain. */
    static Openssl.Result verify(String certificatePem) {
        String chain = chainPem();
        return Openssl.run("verify", "-CAfile", Openssl.file("chain", chain).toString(), "-purpose", "any",
                Openssl.file("cert", certificatePem).toString());
    }
}
