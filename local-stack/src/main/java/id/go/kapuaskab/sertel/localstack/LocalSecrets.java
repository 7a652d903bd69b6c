package id.go.kapuaskab.sertel.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Secrets of one local stack (database passwords, client secrets of the service identities, keystore
 * passwords): random on first {@code up}, kept in {@code data/secrets.properties} (mode 600) so that data
 * made with them stays usable, and gone with {@code reset}. Never used outside the local stack.
 */
public final class LocalSecrets {

    private final Path file;
    private final Properties values = new Properties();
    private final SecureRandom random = new SecureRandom();

    private LocalSecrets(Path file) {
        this.file = file;
    }

    public static LocalSecrets load(Path file) {
        LocalSecrets secrets = new LocalSecrets(file);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return secrets;
    }

    /** The secret of this name, made up and saved the first time it is asked for. */
    public synchronized String get(String name) {
        String value = values.getProperty(name);
        if (value == null) {
            byte[] raw = new byte[24];
            random.nextBytes(raw);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            values.setProperty(name, value);
            save();
        }
        return value;
    }

    /** A 256-bit key of this name, standard base64 (e.g. {@code WEBHOOK_SECRET_KEY}), made up and saved the first time. */
    public synchronized String key(String name) {
        String value = values.getProperty(name);
        if (value == null) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            value = Base64.getEncoder().encodeToString(raw);
            values.setProperty(name, value);
            save();
        }
        return value;
    }

    private void save() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(out, "local stack secrets: generated, local only; ./sertel reset removes them");
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not POSIX; the folder's permissions apply
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
