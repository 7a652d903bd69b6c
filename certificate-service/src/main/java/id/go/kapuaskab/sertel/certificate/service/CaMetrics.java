package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.repository.CaAuthorityRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The CA as an operator watches it (Prometheus at {@code /q/metrics}):
 * {@code sertel_certificates_issued_total{profile,result}} (result issued, replayed, refused),
 * {@code sertel_ocsp_responses_total{status}} (good, revoked, unknown for each certificate answered; malformed,
 * unauthorized, internal_error for refused requests), {@code sertel_crl_age_seconds{ca}} and
 * {@code sertel_crl_next_update_seconds{ca}} (until the CRL's nextUpdate; negative once past, -Inf while the CA has no
 * CRL at all), and
 * {@code sertel_ca_certificate_expiry_days{key}} for the root, the issuing CA, the TSA and the audit key.
 * Label values come from fixed sets or configuration, never from requests; the CRL times are read from the database
 * every 30 s, not per scrape, and the expiry dates are in memory.
 */
@Startup
@ApplicationScoped
public class CaMetrics {

    private static final Logger LOG = Logger.getLogger(CaMetrics.class);
    public static final Set<String> OCSP_STATUSES = Set.of("good", "revoked", "unknown", "malformed", "unauthorized", "internal_error");

    private final MeterRegistry registry;
    private final CaAuthorityRepository authorities;
    private final Clock clock;
    private final Set<String> profiles;
    private final Map<String, Counter> issued = new ConcurrentHashMap<>();
    private final Map<String, Counter> ocsp = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Instant[]>> crls = new ConcurrentHashMap<>();

    CaMetrics(MeterRegistry registry, CaAuthorityRepository authorities, CaRegistry cas, ProfileCatalog catalog, Clock clock) {
        this.registry = registry;
        this.authorities = authorities;
        this.clock = clock;
        this.profiles = catalog.names();
        for (String profile : profiles) {
            for (String result : List.of("issued", "replayed", "refused")) {
                issuance(profile, result, 0);
            }
        }
        OCSP_STATUSES.forEach(s -> ocsp.put(s, Counter.builder("sertel.ocsp.responses")
                .description("OCSP answers: per certificate status, or the refusal of a whole request").tag("status", s).register(registry)));
        expiry("root", cas.root().certificate());
        expiry("issuing", cas.issuing().certificate());
        expiry("tsa", cas.tsa().certificate());
        expiry("audit", cas.audit().certificate());
        for (CertificateAuthority ca : cas.all()) {
            AtomicReference<Instant[]> times = new AtomicReference<>();
            crls.put(ca.name(), times);
            Gauge.builder("sertel.crl.age", times, t -> seconds(t.get(), 0, true)).baseUnit("seconds")
                    .description("Age of the CA's current CRL (since its thisUpdate)").tag("ca", ca.name()).register(registry);
            Gauge.builder("sertel.crl.next.update", times, t -> seconds(t.get(), 1, false)).baseUnit("seconds")
                    .description("Time until the CA's current CRL reaches its nextUpdate; negative once past").tag("ca", ca.name()).register(registry);
        }
    }

    /** One issue call's result for a profile; names outside the catalogue count as {@code unknown}. */
    public void issuance(String profile, String result) {
        issuance(profile, result, 1);
    }

    private void issuance(String profile, String result, int count) {
        String p = profile != null && profiles.contains(profile) ? profile : "unknown";
        issued.computeIfAbsent(p + "|" + result, k -> Counter.builder("sertel.certificates.issued")
                .description("Issue calls by profile and result (issued, replayed, refused)").tag("profile", p).tag("result", result)
                .register(registry)).increment(count);
    }

    public void ocsp(String status) {
        Counter c = ocsp.get(status);
        if (c != null) {
            c.increment();
        }
    }

    @Scheduled(every = "30s", delayed = "1s", identity = "ca-metrics", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refreshCrlTimes() {
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(authorities::crlTimes);
            for (Object[] row : rows) {
                AtomicReference<Instant[]> times = crls.get((String) row[0]);
                if (times != null) {   // a CA without any CRL yet reads as {null, null}: see seconds()
                    times.set(new Instant[] {(Instant) row[1], (Instant) row[2]});
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the CRL times: %s", e.toString());
        }
    }

    private void expiry(String key, X509Certificate certificate) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        Gauge.builder("sertel.ca.certificate.expiry.days", () -> Duration.between(clock.instant(), notAfter).toSeconds() / 86400.0)
                .description("Days until the certificate of a CA key (root, issuing, tsa, audit) expires").tag("key", key).register(registry);
    }

    /**
     * Seconds since {@code times[i]} ({@code since}) or until it; NaN until the times are first read. A CA whose CRL
     * was never signed (its first signing failed) is infinitely old and infinitely past its nextUpdate, so the CRL
     * alerts fire for it as for an expired CRL instead of staying silent on NaN.
     */
    private double seconds(Instant[] times, int i, boolean since) {
        if (times == null) {
            return Double.NaN;
        }
        if (times[i] == null) {
            return since ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        double s = Duration.between(times[i], clock.instant()).toMillis() / 1000.0;
        return since ? s : -s;
    }
}
