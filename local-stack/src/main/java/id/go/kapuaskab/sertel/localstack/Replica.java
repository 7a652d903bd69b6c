package id.go.kapuaskab.sertel.localstack;

import java.net.URI;

/**
 * One running copy of a service in a {@link Stack}: its id (also its {@code HOSTNAME}, so its outbox leases and logs
 * name it), its own ports and its current process. A restart replaces the process and keeps the rest, as a pod's
 * container restarts in place.
 */
public final class Replica {

    private final ServiceCatalog.Service service;
    private final String id;
    private final int port;
    private final int managementPort;
    private volatile ServiceProcess process;

    Replica(ServiceCatalog.Service service, String id, int port, int managementPort, ServiceProcess process) {
        this.service = service;
        this.id = id;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    public String service() {
        return service.name();
    }

    public String id() {
        return id;
    }

    /** The replica's own HTTP port (behind the service's balancer when the stack has one). */
    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Its management port (the gateway's own; the service port for the others). */
    public int managementPort() {
        return managementPort;
    }

    /** Where its readiness is probed: the management port for the gateway, the service port for the others. */
    public URI readiness() {
        return URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
    }

    public ServiceProcess process() {
        return process;
    }

    void replace(ServiceProcess next) {
        this.process = next;
    }

    @Override
    public String toString() {
        return id + " (port " + port + ", pid " + process.pid() + ")";
    }
}
