package id.go.kapuaskab.sertel.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service running as a child process, the way it runs in production: its own JVM,
 * configured only through environment variables, output in a log file, ready when its readiness
 * endpoint says so. Used by the local stack and by tests that run the real services.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How to run one service. */
    public record Spec(String name, Path jar, URI readiness, Map<String, String> env, List<String> jvmArgs, Path logFile) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Spec spec;
    private final Process process;

    private ServiceProcess(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    public static ServiceProcess start(Spec spec) {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IllegalStateException(spec.name() + " is not built: " + spec.jar() + " is missing (run mvn package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmArgs());
        command.add("-jar");
        command.add(spec.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        builder.environment().putAll(spec.env());
        try {
            Files.createDirectories(spec.logFile().getParent());
            return new ServiceProcess(spec, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return spec.logFile();
    }

    /** How this process was started: {@link #start(Spec)} with it again runs the same service with the same configuration. */
    public Spec spec() {
        return spec;
    }

    /** SIGKILL, as a crash or the OOM killer would end it: no shutdown hook runs. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, as Kubernetes stops a pod: the service's graceful shutdown runs. Returns at once; see {@link #awaitExit}. */
    public void terminate() {
        process.destroy();
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) with {@code kill(1)}: a frozen process keeps its sockets open. */
    public void signal(String name) {
        if (!name.matches("[A-Z]{2,8}")) {
            throw new IllegalArgumentException("Not a signal name: " + name);
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Whether the process ended within the time; its exit code then is {@link #exitCode()}. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** Waits until the readiness endpoint answers 200; false when the time is up or the process died. */
    public boolean awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false;
            }
            if (isReady()) {
                return true;
            }
            sleep(250);
        }
        return false;
    }

    public boolean isReady() {
        return isReady(spec.readiness());
    }

    public static boolean isReady(URI readiness) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the service gracefully (SIGTERM), forcibly after 30 seconds. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
