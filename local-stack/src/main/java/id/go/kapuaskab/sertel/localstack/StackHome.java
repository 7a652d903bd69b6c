package id.go.kapuaskab.sertel.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds a local stack's state ({@code .sertel/} in the checkout): data that survives
 * {@code down}/{@code up} under {@code data/}, logs under {@code logs/}, and the supervisor's pid and state.
 * {@code reset} deletes {@code data/}.
 */
public record StackHome(Path root) {

    public static StackHome at(Path root) {
        StackHome home = new StackHome(root.toAbsolutePath().normalize());
        try {
            Files.createDirectories(home.data());
            Files.createDirectories(home.logs());
            Files.createDirectories(home.keys());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + root, e);
        }
        return home;
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path postgresData() {
        return data().resolve("postgres");
    }

    public Path keys() {
        return data().resolve("keys");
    }

    public Path secrets() {
        return data().resolve("secrets.properties");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path pidFile() {
        return root.resolve("stack.pid");
    }

    /** {@code STARTING}, {@code READY} or {@code FAILED <reason>}: what {@code ./sertel up} waits on. */
    public Path stateFile() {
        return root.resolve("stack.state");
    }
}
