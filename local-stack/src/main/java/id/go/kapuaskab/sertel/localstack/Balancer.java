package id.go.kapuaskab.sertel.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a Kubernetes Service is to its pods, for a stack that runs several replicas of a service on one machine: one
 * TCP port that hands each new connection to the next ready replica, round-robin. A replica takes new connections while
 * its readiness endpoint answers 200 (probed every {@link #PROBE_EVERY}), as the endpoints controller drops a pod that
 * is not ready or is terminating; a connection keeps its replica for its whole life, as kube-proxy's connection tracking
 * does. A replica that refuses the connection is skipped for the next one; with no ready replica a new connection is
 * closed at once, as a Service without endpoints rejects it.
 */
public final class Balancer implements AutoCloseable {

    /** One replica behind the balancer: its own port and its readiness endpoint. */
    public record Backend(String id, int port, URI readiness) {
    }

    static final Duration PROBE_EVERY = Duration.ofMillis(300);
    private static final int CONNECT_TIMEOUT_MS = 1000;

    private final String name;
    private final ServerSocket listener;
    private final List<Backend> backends = new CopyOnWriteArrayList<>();
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> connections = new ConcurrentHashMap<>();
    private final AtomicLong turn = new AtomicLong();
    private final ExecutorService pipes = Executors.newCachedThreadPool(r -> daemon(r, "balancer-pipe"));
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "balancer-probe"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500)).build();
    private volatile boolean open = true;

    private Balancer(String name, ServerSocket listener) {
        this.name = name;
        this.listener = listener;
    }

    /** Listens on 127.0.0.1:{@code port} for the service {@code name}; no replica yet. */
    public static Balancer start(String name, int port) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            Balancer balancer = new Balancer(name, listener);
            Thread acceptor = daemon(balancer::accept, "balancer-" + name);
            acceptor.start();
            balancer.prober.scheduleWithFixedDelay(balancer::probe, 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return balancer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port + " for " + name, e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Adds a replica; it takes connections once its readiness endpoint says so. */
    public void add(Backend backend) {
        backends.add(backend);
        connections.putIfAbsent(backend.id(), new AtomicLong());
    }

    /** Removes a replica: no new connections; the open ones stay until either side closes them. */
    public void remove(String id) {
        backends.removeIf(b -> b.id().equals(id));
        ready.remove(id);
    }

    /** Whether the replica takes new connections now (its last probe answered 200). */
    public boolean isReady(String id) {
        return ready.contains(id);
    }

    /** How many connections the balancer handed to this replica so far. */
    public long connectionsTo(String id) {
        AtomicLong n = connections.get(id);
        return n == null ? 0 : n.get();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = listener.accept();
                pipes.execute(() -> serve(client));
            } catch (IOException e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = connect();
        if (upstream == null) {
            closeQuietly(client);
            return;
        }
        AtomicInteger directions = new AtomicInteger(2);
        Runnable finished = () -> {
            if (directions.decrementAndGet() == 0) {
                closeQuietly(client);
                closeQuietly(upstream);
            }
        };
        pipes.execute(() -> pipe(client, upstream, finished));
        pipe(upstream, client, finished);
    }

    /** The next ready replica in turn that accepts the connection, or null. */
    private Socket connect() {
        List<Backend> candidates = new ArrayList<>();
        for (Backend b : backends) {
            if (ready.contains(b.id())) {
                candidates.add(b);
            }
        }
        int n = candidates.size();
        long first = turn.getAndIncrement();
        for (int i = 0; i < n; i++) {
            Backend b = candidates.get((int) Math.floorMod(first + i, (long) n));
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port()), CONNECT_TIMEOUT_MS);
                connections.get(b.id()).incrementAndGet();
                return s;
            } catch (IOException e) {
                closeQuietly(s);
            }
        }
        return null;
    }

    /** Copies one direction; the end of it half-closes the other side, an error closes both. */
    private static void pipe(Socket from, Socket to, Runnable finished) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        } finally {
            finished.run();
        }
    }

    private void probe() {
        for (Backend b : backends) {
            boolean up;
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(b.readiness()).timeout(Duration.ofSeconds(1)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                up = r.statusCode() == 200;
            } catch (IOException e) {
                up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (up && backends.contains(b)) {
                ready.add(b.id());
            } else {
                ready.remove(b.id());
            }
        }
    }

    @Override
    public void close() {
        open = false;
        prober.shutdownNow();
        closeQuietly(listener);
        pipes.shutdownNow();
    }

    @Override
    public String toString() {
        return "balancer " + name + " :" + port() + " " + backends;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    private static Thread daemon(Runnable r, String threadName) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
    }
}
