package id.go.kapuaskab.sertel.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local inbox over HTTP: every mail, or one mailbox's with {@code ?to=}, as real SMTP delivered them. */
class MailCatcherTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MailCatcher catcher;

    @BeforeAll
    static void start() throws Exception {
        catcher = MailCatcher.start(freePort(), freePort());
        ServerSetup smtp = new ServerSetup(catcher.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // one after the other, a few milliseconds apart, so each has its own time of arrival (GreenMail itself lists
        // them mailbox by mailbox: ani's two first, then budi's)
        GreenMailUtil.sendTextEmail("ani@example.go.id", "sertel@kapuaskab.go.id", "Permohonan diajukan", "satu", smtp);
        Thread.sleep(20);
        GreenMailUtil.sendTextEmail("budi@example.go.id", "sertel@kapuaskab.go.id", "Permohonan disetujui", "dua", smtp);
        Thread.sleep(20);
        GreenMailUtil.sendTextEmail("\"Ani\" <ani@example.go.id>", "sertel@kapuaskab.go.id", "Sertifikat terbit", "tiga", smtp);
    }

    @AfterAll
    static void stop() {
        catcher.close();
    }

    @Test
    void withoutAFilterEveryMailNewestFirst() throws Exception {
        assertThat(subjects(get("/messages"))).containsExactly("Sertifikat terbit", "Permohonan disetujui", "Permohonan diajukan");
    }

    @Test
    void oneMailboxOnlyWhateverTheCaseOrDisplayName() throws Exception {
        assertThat(subjects(get("/messages?to=ANI%40example.go.id"))).containsExactly("Sertifikat terbit", "Permohonan diajukan");
        assertThat(subjects(get("/messages?to=budi@example.go.id"))).containsExactly("Permohonan disetujui");
        assertThat(subjects(get("/messages?to=nobody@example.go.id"))).isEmpty();
        assertThat(subjects(get("/messages?to="))).hasSize(3);
    }

    @Test
    void theAddressMustMatchWholeNotAsAPart() throws Exception {
        assertThat(subjects(get("/messages?to=ni@example.go.id"))).isEmpty();
    }

    @Test
    void thePlainTextListingTakesTheFilterToo() throws Exception {
        String text = HTTP.send(HttpRequest.newBuilder(uri("/messages.txt?to=budi@example.go.id")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(text).contains("Permohonan disetujui").doesNotContain("Permohonan diajukan", "Sertifikat terbit");
    }

    @Test
    void anAddressThatCannotBeDecodedIsABadRequest() throws Exception {
        // sent over a plain socket: java.net.URI refuses to build such a request at all
        try (Socket socket = new Socket("127.0.0.1", catcher.inboxPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /messages?to=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 400");
        }
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + catcher.inboxPort() + path);
    }

    private static List<String> subjects(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.path("subject").asText()));
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
