package id.go.kapuaskab.sertel.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.sertel.journey.Inbox;
import id.go.kapuaskab.sertel.journey.Mail;
import id.go.kapuaskab.sertel.journey.Person;
import id.go.kapuaskab.sertel.testsupport.Oathtool;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The people of one test run, set up through the public API as an admin would: an institution of its own (so the run's
 * mail, certificates and webhook events are told apart from other tests' on the same stack), two verifiers with a second
 * factor, and applicants registered by verifier A, each with the e-mail confirmed from the real mail.
 */
public final class Office {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_\\-]+)");
    static final String PASSWORD = "kata sandi uji yang panjang";

    /** An applicant of the run: the session and the e-mail its CSR must name. */
    public record Applicant(Session session, Person person) {
    }

    private final Api api;
    private final Inbox inbox;
    private final Supplier<String> admin;
    private final String tag;
    private final String domain;
    private UUID institution;
    private UUID unit;
    private Session verifierA;
    private Session verifierB;

    public Office(Api api, Inbox inbox, Supplier<String> admin) {
        this.api = api;
        this.inbox = inbox;
        this.admin = admin;
        this.tag = UUID.randomUUID().toString().substring(0, 6);
        this.domain = "uji-" + tag + ".kapuaskab.go.id";
    }

    /** The institution with one work unit and the two verifiers. */
    public Office open() {
        JsonNode created = api.post("/api/v1/institutions", admin.get(), Map.of("code", "UJI" + tag.toUpperCase(Locale.ROOT),
                "name", "Dinas Uji Ketahanan " + tag, "emailDomains", List.of(domain), "active", true)).expect(201);
        institution = UUID.fromString(created.path("id").asText());
        JsonNode units = api.post("/api/v1/institutions/" + institution + "/work-units", admin.get(), Map.of("name", "Bidang Uji"))
                .expect(201).path("workUnits");
        unit = UUID.fromString(units.get(0).path("id").asText());
        verifierA = verifier("a");
        verifierB = verifier("b");
        return this;
    }

    public UUID institution() {
        return institution;
    }

    public String domain() {
        return domain;
    }

    public Session verifierA() {
        return verifierA;
    }

    public Session verifierB() {
        return verifierB;
    }

    /** {@code count} applicants, registered and confirmed in parallel. */
    public List<Applicant> applicants(int count) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 8));
        try {
            List<Future<Applicant>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                pending.add(pool.submit(() -> applicant(n)));
            }
            List<Applicant> all = new ArrayList<>();
            for (Future<Applicant> f : pending) {
                all.add(f.get());
            }
            return all;
        } catch (Exception e) {
            throw new AssertionError("setting up the applicants failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Applicant applicant(int n) {
        Person p = Person.fresh(new SecureRandom(), "Pemohon Uji " + (char) ('A' + n / 26 % 26) + (char) ('a' + n % 26), n % 2 == 0,
                domain, LocalDate.now(ZoneId.of("Asia/Jakarta")));
        Person person = new Person(p.fullName(), "pemohon" + n + "@" + domain, p.female(), p.birthDate(), p.nik(), p.nip(), p.phone());
        api.post("/api/v1/applicants", verifierA.token(), Map.of("fullName", person.fullName(), "email", person.email(), "nik", person.nik(),
                "nip", person.nip(), "phone", person.phone(), "position", "Pranata Komputer", "employmentType", "PNS",
                "institutionId", institution, "workUnitId", unit, "language", "id")).expect(201);
        confirm(person.email());
        return new Applicant(Session.login(api, person.email(), PASSWORD, null), person);
    }

    private Session verifier(String name) {
        String email = "verifikator-" + name + "@" + domain;
        api.post("/api/v1/officers", admin.get(), Map.of("email", email, "fullName", "Verifikator Uji " + name.toUpperCase(Locale.ROOT),
                "role", "VERIFIER", "institutionIds", List.of(institution), "language", "id")).expect(201);
        confirm(email);
        Session first = Session.login(api, email, PASSWORD, null);
        String secret = api.post("/api/v1/auth/mfa/enrolment", first.token(), null).expect(200).path("secret").asText();
        api.post("/api/v1/auth/mfa/enrolment/confirm", first.token(), Map.of("code", Oathtool.totp(secret))).expect(200);
        return Session.login(api, email, PASSWORD, secret);
    }

    private void confirm(String email) {
        Mail mail = inbox.await(email, "e-mail confirmation", m -> m.find(TOKEN).isPresent());
        api.post("/api/v1/applicants/email-confirmation", null, Map.of("token", mail.find(TOKEN).orElseThrow(), "password", PASSWORD))
                .expect(200);
    }
}
