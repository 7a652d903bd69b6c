package id.go.kapuaskab.sertel.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.go.kapuaskab.sertel.notification.FakePeers.Person;
import id.go.kapuaskab.sertel.outbox.OutboxEngine;
import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.domain.RenderedMail;
import id.go.kapuaskab.sertel.notification.service.MailComposer;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Workflow events from renewal-service and one-off messages from applicant-service, through GreenMail. */
@QuarkusTest
class WorkflowMailTest {

    static final String RENEWAL = TestTokens.service("renewal-service", "RENEWAL_SERVICE");
    static final String APPLICANT_SERVICE = TestTokens.service("applicant-service", "APPLICANT_SERVICE");

    @Inject
    OutboxEngine outbox;

    @Inject
    MailComposer composer;

    UUID institution;
    Person applicant;

    @BeforeEach
    void setUp() {
        Fixtures.clean();
        institution = UUID.randomUUID();
        applicant = new Person(UUID.randomUUID(), "Dwi Ayu Ningsih", "dwi@kapuaskab.go.id", "id");
        FakePeers.put(applicant);
        FakePeers.verifiers(institution, List.of(
                new Person(UUID.randomUUID(), "Siti Rahmawati", "verifikator1@kapuaskab.go.id", "id"),
                new Person(UUID.randomUUID(), "John Verifier", "verifikator2@kapuaskab.go.id", "en")));
    }

    @Test
    void aSubmittedRequestMailsEveryVerifierOfTheInstitutionInTheirLanguage() {
        String eventId = UUID.randomUUID().toString();
        post(event(eventId, "REQUEST_SUBMITTED", null)).then().statusCode(202)
                .body("duplicate", equalTo(false)).body("messages", equalTo(2));
        outbox.drain();

        List<MimeMessage> mails = Fixtures.mails();
        assertThat(mails).extracting(Fixtures::to).containsExactlyInAnyOrder("verifikator1@kapuaskab.go.id", "verifikator2@kapuaskab.go.id");
        MimeMessage id = mails.stream().filter(m -> Fixtures.to(m).startsWith("verifikator1")).findFirst().orElseThrow();
        MimeMessage en = mails.stream().filter(m -> Fixtures.to(m).startsWith("verifikator2")).findFirst().orElseThrow();
        assertThat(Fixtures.subject(id)).isEqualTo("Permohonan pembaruan sertifikat menunggu verifikasi: Dwi Ayu Ningsih");
        assertThat(Fixtures.subject(en)).isEqualTo("A certificate renewal request awaits verification: Dwi Ayu Ningsih");
        assertThat(Fixtures.text(id)).contains("Yth. Siti Rahmawati", "WIB");
        assertThat(Fixtures.html(en)).contains("Dear John Verifier");
    }

    @Test
    void theSameEventTwiceSendsOnce() {
        String eventId = UUID.randomUUID().toString();
        post(event(eventId, "REQUEST_APPROVED", null)).then().statusCode(202).body("duplicate", equalTo(false));
        post(event(eventId, "REQUEST_APPROVED", null)).then().statusCode(202).body("duplicate", equalTo(true)).body("messages", equalTo(0));
        outbox.drain();
        assertThat(Fixtures.mails()).singleElement().satisfies(m -> {
            assertThat(Fixtures.to(m)).isEqualTo("dwi@kapuaskab.go.id");
            assertThat(Fixtures.subject(m)).isEqualTo("Permohonan pembaruan sertifikat Anda disetujui");
        });
    }

    @Test
    void returnedRejectedAndCompletedGoToTheApplicantWithTheirDetails() {
        post(event(UUID.randomUUID().toString(), "REQUEST_RETURNED", "Unit kerja belum diperbarui")).then().statusCode(202);
        post(event(UUID.randomUUID().toString(), "REQUEST_REJECTED", "Pemohon bukan pegawai instansi")).then().statusCode(202);
        Map<String, Object> completed = event(UUID.randomUUID().toString(), "REQUEST_COMPLETED", null);
        completed.put("certificateSerial", "7a1f00c3e9");
        completed.put("notBefore", "2027-05-01T01:00:00Z");
        completed.put("notAfter", "2029-05-01T01:00:00Z");
        post(completed).then().statusCode(202);
        post(event(UUID.randomUUID().toString(), "REQUEST_CANCELLED", null)).then().statusCode(202).body("messages", equalTo(0));
        outbox.drain();

        assertThat(Fixtures.mails()).hasSize(3).allSatisfy(m -> assertThat(Fixtures.to(m)).isEqualTo("dwi@kapuaskab.go.id"));
        String all = String.join("\n", Fixtures.mails().stream().map(Fixtures::text).toList());
        assertThat(all).contains("Catatan verifikator: Unit kerja belum diperbarui", "Alasan: Pemohon bukan pegawai instansi",
                "Nomor seri: 7a1f00c3e9", "Berlaku mulai: Sabtu, 1 Mei 2027 pukul 08.00 WIB",
                "Berlaku sampai: Selasa, 1 Mei 2029 pukul 08.00 WIB");
    }

    @Test
    void aCompletedRevocationSaysTheCertificateWasRevokedInBothLanguages() {
        post(revocation("REQUEST_COMPLETED", "f79a4d6fb54a5867")).then().statusCode(202);
        Person english = new Person(UUID.randomUUID(), "John Holder", "john@kapuaskab.go.id", "en");
        FakePeers.put(english);
        Map<String, Object> forEnglish = revocation("REQUEST_COMPLETED", "0badc0ffee");
        forEnglish.put("applicantId", english.id().toString());
        post(forEnglish).then().statusCode(202);
        outbox.drain();

        MimeMessage id = mailTo("dwi@kapuaskab.go.id");
        MimeMessage en = mailTo("john@kapuaskab.go.id");
        assertThat(Fixtures.subject(id)).isEqualTo("Sertifikat f79a4d6fb54a5867 Anda telah dicabut");
        assertThat(Fixtures.text(id)).contains("Permohonan pencabutan sertifikat Anda telah selesai", "f79a4d6fb54a5867",
                "dicabut pada Jumat, 30 April 2027 pukul 09.30 WIB", "tidak lagi sah")
                .doesNotContain("Sertifikat baru", "Berlaku mulai", "Nomor seri: f79a4d6fb54a5867\n- Berlaku");
        assertThat(Fixtures.subject(en)).isEqualTo("Your certificate 0badc0ffee has been revoked");
        assertThat(Fixtures.text(en)).contains("Your certificate revocation request is complete", "0badc0ffee",
                "revoked on Friday, 30 April 2027 at 09:30 WIB", "no longer valid")
                .doesNotContain("new certificate", "Valid from");
        assertThat(Fixtures.html(en)).contains("no longer valid").doesNotContain("new certificate");
    }

    @Test
    void anApprovedOrRejectedRevocationSaysWhatHappensToTheCertificate() {
        String approved = rendered(DeliveryKind.REQUEST_APPROVED, "REVOCATION", "id", null);
        String rejected = rendered(DeliveryKind.REQUEST_REJECTED, "REVOCATION", "id", "Permohonan tidak ditandatangani atasan");

        assertThat(approved).contains("Permohonan pencabutan sertifikat Anda disetujui", "sedang dicabut").doesNotContain("diterbitkan");
        assertThat(rejected).contains("Permohonan pencabutan sertifikat Anda ditolak", "tetap berlaku",
                "Alasan: Permohonan tidak ditandatangani atasan").doesNotContain("Bila Anda masih memerlukan sertifikat");
        assertThat(rendered(DeliveryKind.REQUEST_APPROVED, "REVOCATION", "en", null)).contains("is being revoked");
        assertThat(rendered(DeliveryKind.REQUEST_REJECTED, "REVOCATION", "en", "x")).contains("remains valid");
    }

    @Test
    void aCompletedFirstIssuanceSpeaksOfYourCertificateNotOfAPreviousOne() {
        assertThat(rendered(DeliveryKind.REQUEST_COMPLETED, "ISSUANCE", "id", null))
                .contains("Sertifikat Anda:", "Nomor seri: 11aa22bb", "Berlaku mulai: Sabtu, 1 Mei 2027")
                .doesNotContain("Sertifikat lama", "Sertifikat baru");
        assertThat(rendered(DeliveryKind.REQUEST_COMPLETED, "RENEWAL", "en", null))
                .contains("Your new certificate:", "The previous certificate is no longer used");
    }

    /** Subject and text of a workflow mail as WorkflowEvents fills it in. */
    private String rendered(DeliveryKind kind, String type, String lang, String reason) {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("name", "Dwi Ayu Ningsih");
        data.put("applicantName", "Dwi Ayu Ningsih");
        data.put("requestType", composer.requestType(type, lang));
        data.put("occurredAt", composer.when(java.time.Instant.parse("2027-04-30T02:30:00Z"), lang));
        data.put("reason", reason);
        data.put("serial", type.equals("REVOCATION") && kind != DeliveryKind.REQUEST_COMPLETED ? null : "11aa22bb");
        data.put("notBefore", composer.when(type.equals("REVOCATION") ? null : java.time.Instant.parse("2027-05-01T01:00:00Z"), lang));
        data.put("notAfter", composer.when(type.equals("REVOCATION") ? null : java.time.Instant.parse("2029-05-01T01:00:00Z"), lang));
        data.put("link", "https://sertel.test/permohonan/1");
        RenderedMail mail = composer.renderWorkflow(kind, type, lang, data);
        return mail.subject() + "\n" + mail.text();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void everyWorkflowMailOfARevocationTellsOfRevokingAndNeverOfIssuing(String lang) {
        for (DeliveryKind kind : List.of(DeliveryKind.REQUEST_SUBMITTED, DeliveryKind.REQUEST_RETURNED, DeliveryKind.REQUEST_REJECTED,
                DeliveryKind.REQUEST_APPROVED, DeliveryKind.REQUEST_COMPLETED)) {
            for (String type : List.of("ISSUANCE", "RENEWAL", "REVOCATION")) {
                Map<String, Object> data = new java.util.HashMap<>();
                data.put("name", "Dwi");
                data.put("applicantName", "Dwi");
                data.put("requestType", composer.requestType(type, lang));
                data.put("occurredAt", "Jumat");
                data.put("reason", "alasan");
                data.put("serial", "abc123");
                data.put("notBefore", type.equals("REVOCATION") ? "" : "mulai");
                data.put("notAfter", type.equals("REVOCATION") ? "" : "sampai");
                data.put("link", "https://sertel.test/r/1");
                RenderedMail mail = composer.renderWorkflow(kind, type, lang, data);
                String text = mail.subject() + "\n" + mail.text();
                assertThat(text).as(kind + " " + type + " " + lang).doesNotContain("{", "}").contains("Dwi");
                if (type.equals("REVOCATION")) {
                    assertThat(text.toLowerCase(java.util.Locale.ROOT)).as(kind + " " + lang)
                            .doesNotContain("diterbitkan", "sertifikat baru", "berlaku mulai", "being issued", "new certificate",
                                    "valid from", "still need a certificate", "masih memerlukan sertifikat");
                }
                if (!type.equals("RENEWAL")) {
                    assertThat(text.toLowerCase(java.util.Locale.ROOT)).as(kind + " " + type + " " + lang)
                            .doesNotContain("sertifikat lama", "previous certificate");
                }
            }
        }
    }

    @Test
    void anEventIsRefusedWhileRecipientsCannotBeLookedUpAndAcceptedLater() {
        FakePeers.APPLICANTS_DOWN.set(true);
        String eventId = UUID.randomUUID().toString();
        post(event(eventId, "REQUEST_APPROVED", null)).then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("notification.recipients-unavailable"));
        FakePeers.APPLICANTS_DOWN.set(false);
        // the circuit may be open for a while after the failures: renewal-service's outbox just delivers again later
        io.restassured.response.Response again = null;
        for (int i = 0; i < 40; i++) {
            again = post(event(eventId, "REQUEST_APPROVED", null));
            if (again.statusCode() == 202) {
                break;
            }
            sleep(500);
        }
        assertThat(again.statusCode()).isEqualTo(202);
        outbox.drain();
        assertThat(Fixtures.mails()).hasSize(1);
    }

    @Test
    void anEventCarryingItsRecipientsIsMailedToThemWithoutAskingApplicantService() {
        FakePeers.APPLICANTS_DOWN.set(true);            // nothing may be looked up: the event says who to write to
        Map<String, Object> submitted = event(UUID.randomUUID().toString(), "REQUEST_SUBMITTED", null);
        submitted.put("applicant", recipient(applicant.id(), "Dwi Ayu Ningsih, S.Kom.", "dwi.baru@kapuaskab.go.id", "id"));
        submitted.put("verifiers", List.of(recipient(UUID.randomUUID(), "Rina Verifikator", "rina@kapuaskab.go.id", "en")));
        post(submitted).then().statusCode(202).body("messages", equalTo(1));
        Map<String, Object> approved = event(UUID.randomUUID().toString(), "REQUEST_APPROVED", null);
        approved.put("applicant", recipient(applicant.id(), "Dwi Ayu Ningsih, S.Kom.", "dwi.baru@kapuaskab.go.id", "en"));
        post(approved).then().statusCode(202).body("messages", equalTo(1));
        Map<String, Object> noVerifiers = event(UUID.randomUUID().toString(), "REQUEST_SUBMITTED", null);
        noVerifiers.put("applicant", recipient(applicant.id(), "Dwi Ayu Ningsih", "dwi@kapuaskab.go.id", "id"));
        noVerifiers.put("verifiers", List.of());        // the institution has none: nobody is written to, nothing looked up
        post(noVerifiers).then().statusCode(202);
        outbox.drain();

        assertThat(Fixtures.mails()).extracting(Fixtures::to).containsExactlyInAnyOrder("rina@kapuaskab.go.id", "dwi.baru@kapuaskab.go.id");
        assertThat(Fixtures.subject(mailTo("rina@kapuaskab.go.id")))
                .isEqualTo("A certificate renewal request awaits verification: Dwi Ayu Ningsih, S.Kom.");
        assertThat(Fixtures.subject(mailTo("dwi.baru@kapuaskab.go.id"))).isEqualTo("Your certificate renewal request was approved");
    }

    @Test
    void aCarriedRecipientMustBeAPersonWithAnAddress() {
        Map<String, Object> e = event(UUID.randomUUID().toString(), "REQUEST_APPROVED", null);
        e.put("applicant", recipient(applicant.id(), "Dwi", "not an address", "id"));
        post(e).then().statusCode(422).contentType("application/problem+json").body("code", equalTo("validation"));
        Map<String, Object> noId = event(UUID.randomUUID().toString(), "REQUEST_SUBMITTED", null);
        Map<String, Object> verifier = new java.util.HashMap<>(recipient(UUID.randomUUID(), "Rina", "rina@kapuaskab.go.id", "id"));
        verifier.remove("id");
        noId.put("verifiers", List.of(verifier));
        post(noId).then().statusCode(422).contentType("application/problem+json").body("code", equalTo("validation"));
        outbox.drain();
        assertThat(Fixtures.mails()).isEmpty();
    }

    private static Map<String, Object> recipient(UUID id, String fullName, String email, String language) {
        return Map.of("id", id.toString(), "fullName", fullName, "email", email, "language", language);
    }

    @Test
    void aOneOffMessageIsSentOncePerMessageId() {
        Map<String, Object> body = Map.of("messageId", UUID.randomUUID().toString(), "template", "EMAIL_VERIFICATION",
                "to", "baru@kapuaskab.go.id", "language", "en",
                "params", Map.of("fullName", "Ñoman Ärya", "link", "https://sertel.test/konfirmasi?t=abc", "token", "abc",
                        "expiresAt", "2027-05-01T10:00:00Z"));
        given().auth().oauth2(APPLICANT_SERVICE).contentType("application/json").body(body).post("/internal/messages")
                .then().statusCode(202).body("duplicate", equalTo(false));
        given().auth().oauth2(APPLICANT_SERVICE).contentType("application/json").body(body).post("/internal/messages")
                .then().statusCode(202).body("duplicate", equalTo(true));
        outbox.drain();
        assertThat(Fixtures.mails()).singleElement().satisfies(m -> {
            assertThat(Fixtures.subject(m)).isEqualTo("Confirm your e-mail address");
            assertThat(Fixtures.text(m)).contains("Dear Ñoman Ärya", "https://sertel.test/konfirmasi?t=abc",
                    "valid until Saturday, 1 May 2027 at 17:00 WIB");
        });
    }

    @Test
    void anUnknownTemplateIsRefused() {
        given().auth().oauth2(APPLICANT_SERVICE).contentType("application/json")
                .body(Map.of("messageId", UUID.randomUUID().toString(), "template", "NEWSLETTER", "to", "a@kapuaskab.go.id"))
                .post("/internal/messages").then().statusCode(422).contentType("application/problem+json").body("code", equalTo("validation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/events", "/internal/messages"})
    void onlyTheRightServiceMayCall(String path) {
        String wrong = path.equals("/internal/events") ? APPLICANT_SERVICE : RENEWAL;
        given().auth().oauth2(wrong).contentType("application/json").body("{}").post(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType("application/json").body("{}").post(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("RENEWAL_SERVICE")).contentType("application/json").body("{}").post(path)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.algNone("RENEWAL_SERVICE")).contentType("application/json").body("{}").post(path)
                .then().statusCode(401);
    }

    private Map<String, Object> event(String eventId, String type, String reason) {
        Map<String, Object> e = new java.util.HashMap<>();
        e.put("eventId", eventId);
        e.put("type", type);
        e.put("occurredAt", "2027-04-30T02:30:00Z");
        e.put("requestId", UUID.randomUUID().toString());
        e.put("requestType", "RENEWAL");
        e.put("applicantId", applicant.id().toString());
        e.put("institutionId", institution.toString());
        e.put("reason", reason);
        e.put("certificateSerial", null);
        e.put("notBefore", null);
        e.put("notAfter", null);
        return e;
    }

    /** What renewal-service sends for a revocation: the revoked certificate's serial, no validity. */
    private Map<String, Object> revocation(String type, String serial) {
        Map<String, Object> e = event(UUID.randomUUID().toString(), type, null);
        e.put("requestType", "REVOCATION");
        e.put("certificateSerial", type.equals("REQUEST_COMPLETED") ? serial : null);
        return e;
    }

    private static MimeMessage mailTo(String address) {
        return Fixtures.mails().stream().filter(m -> Fixtures.to(m).equals(address)).findFirst().orElseThrow();
    }

    private static io.restassured.response.Response post(Map<String, Object> event) {
        return given().auth().oauth2(RENEWAL).contentType("application/json").body(event).post("/internal/events");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
