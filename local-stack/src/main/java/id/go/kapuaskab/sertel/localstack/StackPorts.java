package id.go.kapuaskab.sertel.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ports of one stack: the documented ones for {@code ./sertel up}, free ones for tests beside it. */
public record StackPorts(int gateway, int gatewayManagement, int applicant, int renewal, int certificate, int notification,
                         int signing, int console, int postgres, int smtp, int inbox) {

    public static StackPorts standard() {
        return new StackPorts(8080, 9080, 8081, 8082, 8083, 8084, 8085, 8086, 15432, 2525, 8025);
    }

    public static StackPorts free() {
        return new StackPorts(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort());
    }

    /** Every port with what uses it. */
    public Map<Integer, String> described() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(postgres, "PostgreSQL");
        ports.put(smtp, "SMTP catcher");
        ports.put(inbox, "mail inbox page");
        ports.put(applicant, "applicant-service");
        ports.put(renewal, "renewal-service");
        ports.put(certificate, "certificate-service");
        ports.put(notification, "notification-service");
        ports.put(signing, "signing-service");
        ports.put(console, "web-console");
        ports.put(gateway, "gateway");
        ports.put(gatewayManagement, "gateway (health, metrics)");
        return ports;
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nothing listens on now (the system picks it). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
