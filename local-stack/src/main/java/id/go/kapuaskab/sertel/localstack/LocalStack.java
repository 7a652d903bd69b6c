package id.go.kapuaskab.sertel.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The supervisor behind {@code ./sertel}: {@code run} starts PostgreSQL, the mail catcher and the seven
 * services and keeps them until it is told to stop (SIGTERM, as {@code down} sends); {@code down},
 * {@code status} and {@code mail} talk to a running stack. Usage: {@code LocalStack <command> <project-dir>}.
 */
public final class LocalStack {

    private final Path project;
    private final StackHome home;
    private final StackPorts ports = StackPorts.standard();
    private final ServiceCatalog catalog = new ServiceCatalog(ports);
    private Stack stack;

    private LocalStack(Path project) {
        this.project = project.toAbsolutePath().normalize();
        this.home = StackHome.at(this.project.resolve(".sertel"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LocalStack run|down|status|mail <project-dir>");
            System.exit(2);
        }
        LocalStack stack = new LocalStack(Path.of(args[1]));
        int exit = switch (args[0]) {
            case "run" -> stack.run();
            case "down" -> stack.down();
            case "status" -> stack.status();
            case "mail" -> stack.printMail();
            default -> {
                System.err.println("unknown command " + args[0]);
                yield 2;
            }
        };
        System.exit(exit);
    }

    private int run() throws InterruptedException {
        Optional<ProcessHandle> existing = supervisor();
        if (existing.isPresent()) {
            System.err.println("The local stack already runs (pid " + existing.get().pid() + ")");
            return 1;
        }
        writeFile(home.pidFile(), Long.toString(ProcessHandle.current().pid()));
        state("STARTING");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopStack();
            state("STOPPED");
            deleteQuietly(home.pidFile());
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            startStack();
        } catch (RuntimeException e) {
            state("FAILED " + e.getMessage());
            log("FAILED: " + e.getMessage());
            return 1;
        }
        state("READY");
        log("READY: gateway " + catalog.gatewayUrl() + ", web console " + catalog.consoleUrl() + ", inbox http://127.0.0.1:" + ports.inbox());
        stopped.await();
        return 0;
    }

    private synchronized void startStack() {
        stack = Stack.start(new Stack.Options(project, home, ports, true, "local", LocalStack::log));
    }

    private synchronized void stopStack() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    private int down() throws InterruptedException {
        Optional<ProcessHandle> supervisor = supervisor();
        if (supervisor.isEmpty()) {
            System.out.println("The local stack is not running.");
            deleteQuietly(home.pidFile());
            return 0;
        }
        System.out.println("Stopping the local stack (pid " + supervisor.get().pid() + ") ...");
        supervisor.get().destroy();
        for (int i = 0; i < 120 && supervisor.get().isAlive(); i++) {
            Thread.sleep(500);
        }
        if (supervisor.get().isAlive()) {
            System.err.println("It did not stop within a minute; stopping it forcibly.");
            supervisor.get().destroyForcibly();
        }
        System.out.println("Stopped. Data is kept in " + home.data() + " (./sertel reset wipes it).");
        return 0;
    }

    private int status() {
        Optional<ProcessHandle> supervisor = supervisor();
        System.out.printf("%-22s %s%n", "local stack", supervisor.map(p -> "running (pid " + p.pid() + "), " + readState()).orElse("not running"));
        System.out.printf("%-22s %s%n", "PostgreSQL", StackPorts.isFree(ports.postgres()) ? "down" : "up on 127.0.0.1:" + ports.postgres());
        System.out.printf("%-22s %s%n", "mail catcher", StackPorts.isFree(ports.smtp()) ? "down"
                : "up: SMTP " + ports.smtp() + ", inbox http://127.0.0.1:" + ports.inbox());
        boolean allUp = supervisor.isPresent();
        for (ServiceCatalog.Service s : catalog.services()) {
            boolean ready = ServiceProcess.isReady(s.readiness());
            allUp &= ready;
            System.out.printf("%-22s %s%n", s.name(), ready ? "ready on http://127.0.0.1:" + s.port() : "not ready");
        }
        return allUp ? 0 : 1;
    }

    private int printMail() throws IOException, InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.inbox() + "/messages.txt")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            System.out.print(response.body());
            return 0;
        } catch (IOException e) {
            System.err.println("The mail catcher is not running (./sertel up starts it).");
            return 1;
        }
    }

    private Optional<ProcessHandle> supervisor() {
        try {
            if (!Files.exists(home.pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(home.pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("LocalStack") || c.contains("local-stack")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String readState() {
        try {
            return Files.readString(home.stateFile()).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void state(String value) {
        writeFile(home.stateFile(), value);
    }

    private static void writeFile(Path file, String content) {
        try {
            Files.writeString(file, content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void log(String line) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + line);
        System.out.flush();
    }
}
