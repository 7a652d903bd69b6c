package id.go.kapuaskab.sertel.system;

import id.go.kapuaskab.sertel.localstack.LocalSecrets;
import id.go.kapuaskab.sertel.localstack.Stack;
import id.go.kapuaskab.sertel.localstack.StackHome;
import id.go.kapuaskab.sertel.localstack.StackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One running system for all system tests of the JVM: the packaged services started the way
 * {@code ./sertel up} starts them (profile {@code local}), but on free ports and with a fresh home, so a
 * developer's own stack can keep running beside it.
 */
final class SystemStack {

    /**
     * Every person of every system test logs in from 127.0.0.1, the browser tests through the login page (its GET, the
     * password, the code, the token exchange: four calls under the gateway's per-address login limit). The production
     * limit (10 a minute) would make the suite wait out minutes of 429s; it is tested on its own in gateway's
     * RateLimitTest, and the other system tests still wait out a 429 like any client.
     */
    private static final Map<String, String> LOGINS_FROM_ONE_ADDRESS = Map.of(
            "SERTEL_GATEWAY_RATE_LIMIT_LOGIN_PER_MINUTE", "240", "SERTEL_GATEWAY_RATE_LIMIT_LOGIN_BURST", "60");

    private static Stack stack;
    private static StackHome home;
    private static StackPorts ports;

    private SystemStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Path project = Path.of(System.getProperty("sertel.project", "..")).toAbsolutePath().normalize();
            Path work = Path.of(System.getProperty("sertel.work", "target/system-stack")).toAbsolutePath();
            deleteTree(work);
            home = StackHome.at(work);
            ports = StackPorts.free();
            stack = Stack.start(new Stack.Options(project, home, ports, false, "local", line -> System.out.println("[stack] " + line),
                    Map.of("gateway", LOGINS_FROM_ONE_ADDRESS)));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    static String gateway() {
        get();
        return "http://127.0.0.1:" + ports.gateway();
    }

    static StackPorts ports() {
        get();
        return ports;
    }

    static LocalSecrets secrets() {
        get();
        return LocalSecrets.load(home.secrets());
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
