package id.go.kapuaskab.sertel.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The outside checkers our tests run (oathtool, pdfsig, promtool, chromium): installed from Debian's packages by the
 * test that needs them when the machine lacks them, so a fresh machine with only a JDK and Maven runs the suite. As
 * root {@code apt-get} is called directly, else through {@code sudo -n}; the package lists are refreshed only when
 * the first attempt fails.
 */
public final class DebianPackages {

    private DebianPackages() {
    }

    /** Makes sure {@code command} is on the PATH, installing {@code packageName} if it is not; returns its path. */
    public static synchronized Path ensure(String command, String packageName) {
        Path found = which(command);
        if (found != null) {
            return found;
        }
        if (!install(packageName)) {
            run(List.of("apt-get", "update", "-qq"), 600);
            if (!install(packageName)) {
                throw new IllegalStateException("Cannot install the Debian package " + packageName + " for the command " + command);
            }
        }
        found = which(command);
        if (found == null) {
            throw new IllegalStateException("Installed " + packageName + " but " + command + " is still not on the PATH");
        }
        return found;
    }

    private static boolean install(String packageName) {
        return run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", packageName), 900) == 0;
    }

    private static Path which(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static int run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("sudo", "-n"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            if (p.exitValue() != 0) {
                System.err.println(String.join(" ", full) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
