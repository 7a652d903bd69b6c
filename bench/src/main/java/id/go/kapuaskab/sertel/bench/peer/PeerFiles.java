package id.go.kapuaskab.sertel.bench.peer;

import java.io.IOException;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** What starting a peer program needs: PEM files for its command line, and waiting until it listens. */
final class PeerFiles {

    private PeerFiles() {
    }

    static void writePem(Path file, Object pemObject) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(pemObject);
        }
        Files.writeString(file, out.toString());
    }

    static void awaitListening(int port, Process process, Path log) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("peer exited: " + Files.readString(log));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("peer did not listen on " + port + "; see " + log);
    }
}
