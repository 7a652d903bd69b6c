package id.go.kapuaskab.sertel.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's server part: every address of the console and of our mails answers the shell with the strict CSP;
 * assets are served only under the current build's URL, cached for long and immutable; nothing else is reachable.
 */
@QuarkusTest
class ConsoleServerTest {

    private static final Pattern ASSETS = Pattern.compile("<meta name=\"sertel-assets\" content=\"(/console/assets/[^\"]+)\">");

    @Test
    void everyPageAddressAnswersTheShellWithAStrictPolicy() {
        for (String path : new String[] {"/console", "/console/antrean", "/console/tinjau/3f1c7a52-0000-4000-8000-000000000001",
                "/pembaruan", "/permohonan", "/permohonan/3f1c7a52-0000-4000-8000-000000000001", "/konfirmasi-email", "/reset-kata-sandi"}) {
            Response r = given().queryParam("token", "abc").get(path);
            r.then().statusCode(200).contentType(containsString("text/html"))
                    .header("Cache-Control", "no-cache")
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("style-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe")))
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Content-Type-Options", "nosniff");
            String html = r.asString();
            assertThat(html).as(path).contains("<script type=\"module\" src=\"/console/assets/").doesNotContain("<script>")
                    .doesNotContain("style=").doesNotContain("abc");
        }
    }

    @Test
    void theShellSpeaksTheBrowsersLanguage() {
        given().header("Accept-Language", "en-GB,en;q=0.8").get("/console").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("This console needs JavaScript"));
        given().get("/console").then().body(containsString("<html lang=\"id\">")).body(containsString("Konsol ini memerlukan JavaScript"));
    }

    @Test
    void assetsOfThisBuildAreCachedForLongAndRevalidatedByEtag() {
        String base = assets();
        Response js = given().get(base + "/js/main.js");
        js.then().statusCode(200).contentType(containsString("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().header("If-None-Match", js.header("ETag")).get(base + "/js/main.js").then().statusCode(304);
        given().get(base + "/css/console.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get(base + "/i18n/en.json").then().statusCode(200).body("'app.title'", equalTo("Sertel console"));
    }

    @Test
    void nothingOutsideTheAssetsIsServed() {
        String base = assets();
        given().get("/console/assets/1.0.0-other-build/js/main.js").then().statusCode(404).header("Cache-Control", "no-store");
        for (String bad : new String[] {"/../application.properties", "/%2e%2e/application.properties", "/js/missing.js", "/shell/index.html",
                "/js/main.js.map", "/JS/MAIN.JS", "/console-build.properties"}) {
            given().urlEncodingEnabled(false).get(base + bad).then().statusCode(404);
        }
        given().get("/application.properties").then().statusCode(404);
    }

    private static String assets() {
        Matcher m = ASSETS.matcher(given().get("/console").asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
