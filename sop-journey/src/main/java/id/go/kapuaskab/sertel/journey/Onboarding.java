package id.go.kapuaskab.sertel.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The setup an admin does before anyone can renew: an institution with its e-mail domain and work units, two
 * verifiers serving it (each confirms the e-mail address and chooses a password through the mailed link), and an
 * applicant registered by verifier A, who confirms the e-mail the same way.
 */
final class Onboarding {

    /** The confirmation link opens the web client's page with the one-time token; the page posts it with a password. */
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_\\-]+)");

    private final Gateway gateway;
    private final Inbox inbox;
    private final Narrator narrator;
    private final RunData data;
    /** The first confirmation mail is shown in full, the others (the same text) by their subject. */
    private boolean confirmationShown;

    Onboarding(Gateway gateway, Inbox inbox, Narrator narrator, RunData data) {
        this.gateway = gateway;
        this.inbox = inbox;
        this.narrator = narrator;
        this.data = data;
    }

    Cast run(String adminEmail, String adminPassword, Path adminAuthenticator) {
        return run(() -> adminSession(adminEmail, adminPassword, adminAuthenticator));
    }

    /** With the admin's session from {@code admin} (logged in once for many casts, or here). */
    Cast run(java.util.function.Supplier<Session> admin) {
        narrator.say("The admin logs in with the code of the authenticator app (officers must use a second factor) and registers the"
                + " institution " + data.institutionName() + " with its e-mail domain and two work units.");
        Session adminSession = admin.get();
        Answer created = gateway.post("/api/v1/institutions").as(adminSession).json(Json.object("code", data.institutionCode(),
                "name", data.institutionName(), "emailDomains", Json.array(data.domain()), "active", true)).send();
        created.json(201);
        created.has("code", data.institutionCode()).has("emailDomains/0", data.domain());
        UUID institution = UUID.fromString(created.field("id"));
        UUID before = addUnit(adminSession, institution, data.unitBefore());
        UUID after = addUnit(adminSession, institution, data.unitAfter());

        narrator.say("Two verifiers for it: each gets a mail, confirms the address, chooses a password, enrols an authenticator app"
                + " and logs in with its code.");
        Officer a = officer(adminSession, institution, data.verifierA(), "verifikator A");
        Officer b = officer(adminSession, institution, data.verifierB(), "verifikator B");

        Person p = data.applicant();
        narrator.say("Verifikator A registers the applicant " + p.fullName() + " (PNS, NIK " + p.maskedNik() + ", " + data.positionBefore()
                + ", " + data.unitBefore() + ").");
        Answer registered = gateway.post("/api/v1/applicants").as(a.session()).json(Json.object("fullName", p.fullName(), "email", p.email(),
                "nik", p.nik(), "nip", p.nip(), "phone", p.phone(), "position", data.positionBefore(), "employmentType", "PNS",
                "institutionId", institution, "workUnitId", before, "language", "id")).send();
        registered.json(201);
        registered.has("status", "PENDING_EMAIL").has("email", p.email()).has("workUnit/id", before).has("institution/id", institution);
        UUID applicantId = UUID.fromString(registered.field("id"));
        confirmEmail(p.email(), p.fullName());
        return new Cast(data, adminSession, a, b, applicantId, institution, before, after);
    }

    private UUID addUnit(Session admin, UUID institution, String name) {
        Answer answer = gateway.post("/api/v1/institutions/" + institution + "/work-units").as(admin).json(Json.object("name", name)).send();
        JsonNode units = answer.json(201).get("workUnits");
        return Json.stream(units).filter(u -> u.path("name").asText().equals(name)).map(u -> UUID.fromString(u.path("id").asText()))
                .findFirst().orElseThrow(() -> answer.fail("the new work unit '" + name + "' is not listed"));
    }

    private Officer officer(Session admin, UUID institution, Person person, String label) {
        Answer created = gateway.post("/api/v1/officers").as(admin).json(Json.object("email", person.email(), "fullName", person.fullName(),
                "role", "VERIFIER", "institutionIds", Json.array(institution), "language", "id")).send();
        created.json(201);
        created.has("role", "VERIFIER").has("status", "PENDING_EMAIL").has("institutionIds/0", institution);
        UUID id = UUID.fromString(created.field("id"));
        confirmEmail(person.email(), person.fullName());
        Session first = Session.login(gateway, label, person.email(), data.password());
        AuthenticatorApp app = first.enrolSecondFactor();
        return new Officer(Session.login(gateway, label, person.email(), data.password(), app), id, person.fullName());
    }

    /**
     * The admin's two-factor login. Its authenticator's secret is kept beside the demo's files, since the admin account
     * lives as long as the stack; on the first run the admin enrols it.
     */
    private Session adminSession(String email, String password, Path authenticator) {
        return adminLogin(gateway, narrator, email, password, authenticator);
    }

    /**
     * The admin's two-factor login, enrolling (and keeping the secret in {@code authenticator}) when the account has
     * no second factor yet: on the first run on a stack, or when the kept secret belongs to an earlier stack.
     */
    static Session adminLogin(Gateway gateway, Narrator narrator, String email, String password, Path authenticator) {
        synchronized (Onboarding.class) {
            AuthenticatorApp app = AuthenticatorApp.load(authenticator);
            Session session = app == null ? Session.login(gateway, "admin", email, password)
                    : Session.login(gateway, "admin", email, password, app);
            if (!session.enrolmentRequired()) {
                return session;
            }
            narrator.say("The admin has no second factor on this stack yet: enrols an authenticator app (TOTP) and logs in again"
                    + " with its code.");
            app = session.enrolSecondFactor();
            app.save(authenticator);
            return Session.login(gateway, "admin", email, password, app);
        }
    }

    /** Reads the confirmation mail, takes the token from its link and posts it with the new password, as the web page would. */
    private void confirmEmail(String email, String name) {
        Mail mail = inbox.await(email, "e-mail confirmation", m -> m.find(TOKEN).isPresent() && m.text().contains(name));
        boolean full = !confirmationShown;
        confirmationShown = true;
        narrator.mail(mail, full);
        String token = mail.find(TOKEN).orElseThrow();
        Answer confirmed = gateway.post("/api/v1/applicants/email-confirmation")
                .json(Json.object("token", token, "password", data.password())).send();
        confirmed.json(200);
        // Officers and applicants registered by a verifier need no further activation.
        confirmed.has("status", "ACTIVE");
    }
}
