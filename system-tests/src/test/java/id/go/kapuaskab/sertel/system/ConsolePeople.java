package id.go.kapuaskab.sertel.system;

import static io.restassured.RestAssured.given;

import id.go.kapuaskab.sertel.journey.AdminLogin;
import id.go.kapuaskab.sertel.journey.Inbox;
import id.go.kapuaskab.sertel.journey.Mail;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The people of the browser tests, set up through the public API as the demo does (what the tests look at is the
 * console, not this): an institution of its own with two work units, verifiers with their authenticator apps, and an
 * applicant registered by the admin whose confirmation mail the browser then follows. The admin is the demo admin,
 * logged in with the second factor shared with the other system tests ({@link AdminLogin}).
 */
final class ConsolePeople {

    static final String PASSWORD = "kata sandi konsol yang panjang";
    static final Pattern LINK = Pattern.compile("(https?://\\S+[?&]token=[A-Za-z0-9_\\-]+)");

    record Officer(UUID id, String email, String fullName, Authenticator authenticator) {
    }

    record Applicant(UUID id, String email, String fullName, String nik, String nip) {
    }

    final String tag;
    final String domain;
    final UUID institution;
    final String institutionName;
    final UUID unitBefore;
    final UUID unitAfter;
    final Inbox inbox;
    private final Random random = new Random();

    private ConsolePeople(String tag, String domain, UUID institution, String institutionName, UUID unitBefore, UUID unitAfter, Inbox inbox) {
        this.tag = tag;
        this.domain = domain;
        this.institution = institution;
        this.institutionName = institutionName;
        this.unitBefore = unitBefore;
        this.unitAfter = unitAfter;
        this.inbox = inbox;
    }

    static ConsolePeople create() {
        SystemStack.get();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String domain = "konsol-" + tag + ".kapuaskab.go.id";
        String name = "BKPSDM Kabupaten Kapuas (konsol " + tag + ")";
        UUID institution = UUID.fromString(api(admin()).body(Map.of("code", "KONSOL" + tag.toUpperCase(Locale.ROOT), "name", name,
                "emailDomains", List.of(domain), "active", true)).post("/api/v1/institutions").then().statusCode(201).extract().path("id"));
        UUID before = unit(institution, "Bidang Pengadaan");
        UUID after = unit(institution, "Bidang Pengembangan Kompetensi");
        return new ConsolePeople(tag, domain, institution, name, before, after,
                new Inbox(URI.create("http://127.0.0.1:" + SystemStack.ports().inbox()), Duration.ofSeconds(120)));
    }

    private static String adminToken;
    private static java.time.Instant adminTokenAt = java.time.Instant.EPOCH;

    /**
     * An access token of the demo admin with the second factor, kept while it is fresh: each login spends an
     * authenticator code, and a code works once.
     */
    static synchronized String admin() {
        if (adminToken == null || java.time.Instant.now().isAfter(adminTokenAt.plusSeconds(180))) {
            try {
                adminToken = adminLogin();
            } catch (id.go.kapuaskab.sertel.journey.JourneyFailure e) {
                if (!e.getMessage().contains("auth.otp-invalid")) {
                    throw e;
                }
                // another test spent this 30-second step's code a moment ago: the next step brings a new one
                awaitNextTotpStep();
                adminToken = adminLogin();
            }
            adminTokenAt = java.time.Instant.now();
        }
        return adminToken;
    }

    private static String adminLogin() {
        return AdminLogin.accessToken(URI.create(SystemStack.gateway()), "admin@kapuaskab.go.id", "sertel-demo", Path.of("target", "sop-journey"));
    }

    private static void awaitNextTotpStep() {
        long next = (java.time.Instant.now().getEpochSecond() / 30 + 1) * 30;
        try {
            Thread.sleep(Math.max(0, next * 1000 - System.currentTimeMillis()) + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The base32 secret of the demo admin's authenticator, as {@link AdminLogin} keeps it. */
    static String adminSecret() {
        admin();
        try {
            return java.nio.file.Files.readString(Path.of("target", "sop-journey", "admin-authenticator.secret")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static UUID unit(UUID institution, String name) {
        List<Map<String, Object>> units = api(admin()).body(Map.of("name", name)).post("/api/v1/institutions/" + institution + "/work-units")
                .then().statusCode(201).extract().path("workUnits");
        return UUID.fromString(units.stream().filter(u -> name.equals(u.get("name"))).findFirst().orElseThrow().get("id").toString());
    }

    /** A verifier of this institution: invited by the admin, e-mail confirmed from the real mail, authenticator enrolled. */
    Officer verifier(String fullName) {
        String email = fullName.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + domain;
        UUID id = UUID.fromString(api(admin()).body(Map.of("email", email, "fullName", fullName, "role", "VERIFIER",
                "institutionIds", List.of(institution), "language", "id")).post("/api/v1/officers").then().statusCode(201).extract().path("id"));
        String token = confirmationToken(email);
        AccountsIT.patiently(() -> api(null).body(Map.of("token", token, "password", PASSWORD)).post("/api/v1/applicants/email-confirmation"))
                .then().statusCode(200);
        String first = passwordLogin(email, null);
        String secret = api(first).post("/api/v1/auth/mfa/enrolment").then().statusCode(200).extract().path("secret");
        Authenticator app = new Authenticator(secret);
        api(first).body(Map.of("code", app.code())).post("/api/v1/auth/mfa/enrolment/confirm").then().statusCode(200);
        return new Officer(id, email, fullName, app);
    }

    /** An applicant registered by the admin (PENDING_EMAIL until the mailed link is followed). */
    Applicant applicant(String fullName) {
        LocalDate birth = LocalDate.of(1985 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String nik = "620301" + String.format(Locale.ROOT, "%02d%02d%02d%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100,
                1 + random.nextInt(9_999));
        String nip = birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format(Locale.ROOT, "%04d%02d1%03d", birth.getYear() + 24, 3,
                1 + random.nextInt(999));
        String email = fullName.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + domain;
        UUID id = UUID.fromString(api(admin()).body(Map.of("fullName", fullName, "email", email, "nik", nik, "nip", nip,
                "phone", String.format(Locale.ROOT, "0812-%04d-%04d", random.nextInt(10_000), 1 + random.nextInt(9_999)),
                "position", "Analis Kepegawaian Ahli Pertama", "employmentType", "PNS", "institutionId", institution, "workUnitId", unitBefore,
                "language", "id")).post("/api/v1/applicants").then().statusCode(201).extract().path("id"));
        return new Applicant(id, email, fullName, nik, nip);
    }

    /** The link of the newest mail to {@code email} that carries a one-time token (confirmation or reset). */
    String mailedLink(String email, String subjectPart) {
        Mail mail = inbox.await(email, subjectPart, m -> m.subject().contains(subjectPart) && m.find(LINK).isPresent());
        return mail.find(LINK).orElseThrow();
    }

    private String confirmationToken(String email) {
        String link = mailedLink(email, "");
        return link.substring(link.indexOf("token=") + 6);
    }

    /** SOP step 7 and 8 for a request through the API (A claims and checks, B approves): for the first issuance only. */
    void reviewThroughTheApi(UUID request, Officer a, Officer b) {
        String tokenA = passwordLogin(a.email(), a.authenticator());
        api(tokenA).post("/api/v1/requests/" + request + "/claim").then().statusCode(200);
        api(tokenA).body(Map.of("items", List.of("FULL_NAME", "EMAIL", "NIK", "INSTITUTION", "UNIT").stream()
                        .map(i -> Map.of("item", i, "matches", true)).toList(),
                "contact", Map.of("contactPerson", "Kepala Subbagian Umum", "channel", "PHONE", "contactedAt", OffsetDateTime.now().toString(),
                        "outcome", "CONFIRMED"))).post("/api/v1/requests/" + request + "/checks").then().statusCode(200);
        api(passwordLogin(b.email(), b.authenticator())).post("/api/v1/requests/" + request + "/approve").then().statusCode(200);
    }

    /** The admin starts the reminder run now (it runs daily at 07:00 WIB). */
    static void runReminders() {
        api(admin()).post("/api/v1/notifications/reminders/run").then().statusCode(200);
    }

    static String passwordLogin(String email, Authenticator app) {
        return passwordLogin(email, PASSWORD, app);
    }

    static String passwordLoginAs(String email, String password) {
        return passwordLogin(email, password, null);
    }

    private static String passwordLogin(String email, String password, Authenticator app) {
        return AccountsIT.patiently(() -> {
            RequestSpecification r = given().baseUri(SystemStack.gateway()).contentType(ContentType.URLENC).formParam("grant_type", "password")
                    .formParam("username", email).formParam("password", password);
            if (app != null) {
                r.formParam("otp", app.code());
            }
            return r.post("/api/v1/auth/token");
        }).then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification api(String token) {
        RequestSpecification r = given().baseUri(SystemStack.gateway()).contentType(ContentType.JSON);
        return token == null ? r : r.auth().oauth2(token);
    }
}
