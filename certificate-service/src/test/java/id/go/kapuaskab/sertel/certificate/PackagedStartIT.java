package id.go.kapuaskab.sertel.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import id.go.kapuaskab.sertel.testsupport.TestIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged service as a process: it starts with a good configuration and refuses to start with a bad profile. */
class PackagedStartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @BeforeAll
    static void database() throws Exception {
        try (Connection c = PostgresTestResource.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE sertel_certificate_it");
        }
    }

    @Test
    void refusesToStartWithABadProfile() throws Exception {
        Process p = start(List.of("-Dsertel.profiles.document-signing.key-usage=digitalSignature,keyCertSign"), freePort());
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("the service must stop by itself").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isNotZero();
        assertThat(out).contains("Invalid certificate profile configuration; the service will not start")
                .contains("sertel.profiles.document-signing.key-usage: 'keyCertSign' is not an end-entity key usage");
    }

    @Test
    void startsCreatesItsCaAndServesTheChain() throws Exception {
        int port = freePort();
        Process p = start(List.of(), port);
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> chain = null;
            for (int i = 0; i < 90 && p.isAlive(); i++) {
                try {
                    chain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pki/ca/chain.pem")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    break;
                } catch (IOException notYet) {
                    Thread.sleep(1000);
                }
            }
            assertThat(chain).as("service answered").isNotNull();
            assertThat(chain.statusCode()).isEqualTo(200);
            assertThat(Certs.parseAll(chain.body())).hasSize(2);
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process start(List<String> extraArgs, int port) throws IOException {
        Path work = Files.createDirectories(Path.of("target", "it-ca"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port));
        command.addAll(extraArgs);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DB_URL", PostgresTestResource.jdbcUrl("sertel_certificate_it"));
        pb.environment().put("DB_USER", "postgres");
        pb.environment().put("DB_PASSWORD", "postgres");
        pb.environment().put("AUTH_JWKS_URL", TestIssuer.jwksUrl());
        pb.environment().put("AUTH_ISSUER", TestIssuer.ISSUER);
        pb.environment().put("CA_KEYSTORE_PATH", work.resolve("ca-keystore.p12").toString());
        pb.environment().put("CA_KEYSTORE_PASSWORD", "it-keystore-password");
        pb.environment().put("SERTEL_CA_BOOTSTRAP_GENERATE", "true");
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
