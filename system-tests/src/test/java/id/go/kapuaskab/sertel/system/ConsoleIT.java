package id.go.kapuaskab.sertel.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.journey.Mail;
import id.go.kapuaskab.sertel.testsupport.Openssl;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real browser (headless Chromium through Selenium) on the packaged stack, through the gateway:
 * the whole SOP "Pembaruan Sertifikat Elektronik" through the pages (the reminder's link followed from the real mail,
 * a data change with its PDF, a key and CSR made in the browser, the verifier's checks, four-eyes approval, the
 * download and {@code openssl verify}), then one test per role. Every step keeps a screenshot in
 * {@code target/screenshots/} and passes axe-core's WCAG 2.1 AA check (no serious or critical finding).
 * The tests run in order on one browser and one set of people: each builds on what the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final String KEY_PASSPHRASE = "kunci peramban yang panjang";
    static final String P12_PASSPHRASE = "berkas pkcs12 yang panjang";
    static final Pattern RENEWAL_LINK = Pattern.compile("(https?://\\S+/pembaruan\\?serial=[0-9a-f]+)");

    static ConsolePeople people;
    static ConsolePeople.Officer verifierA;
    static ConsolePeople.Officer verifierB;
    static ConsolePeople.Applicant applicant;
    static ConsoleBrowser browser;
    static String firstSerial;
    static String applicantPassword = ConsolePeople.PASSWORD;

    @BeforeAll
    static void setUp() {
        people = ConsolePeople.create();
        verifierA = people.verifier("Siti Rahmawati");
        verifierB = people.verifier("Agus Setiawan");
        applicant = people.applicant("Bambang Irawan");
        browser = ConsoleBrowser.start("http://localhost:" + SystemStack.ports().gateway());
    }

    @BeforeEach
    void cleanBrowser() {
        browser.reset();
    }

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            browser.failed(context.getRequiredTestMethod().getName());
        }
    };

    @AfterAll
    static void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theApplicantConfirmsTheMailedLinkAndCollectsAFirstCertificateWithAKeyMadeByTheCa() throws IOException {
        browser.open(people.mailedLink(applicant.email(), "")).onPage("Konfirmasi e-mail").step("konfirmasi-email");
        assertThat(browser.driver().getCurrentUrl()).as("the token leaves the address bar").doesNotContain("token=");
        browser.type(By.name("password"), applicantPassword).type(By.name("password-repeat"), applicantPassword).click(By.id("confirm-email"));
        browser.click(By.id("to-login")).login(applicant.email(), applicantPassword, null).onPage("Beranda").step("beranda-pemohon");

        browser.click(By.linkText("Ajukan penerbitan sertifikat")).onPage("Permohonan penerbitan sertifikat");
        browser.click(By.xpath("//label[contains(., 'Kunci dibuat oleh sistem')]")).click(By.id("create-request"));
        browser.onPage("Status permohonan").click(By.id("submit-request"));
        browser.waitText(By.id("request-state"), "Diajukan");
        UUID request = requestIdFromAddress();

        people.reviewThroughTheApi(request, verifierA, verifierB);

        browser.click(By.linkText("Permohonan saya")).onPage("Permohonan saya").click(By.linkText("Penerbitan")).onPage("Status permohonan");
        browser.waitText(By.id("request-state"), "Disetujui");
        browser.type(By.name("collect-passphrase"), P12_PASSPHRASE).type(By.name("collect-passphrase-repeat"), P12_PASSPHRASE).step("ambil-pkcs12");
        browser.click(By.id("collect"));
        firstSerial = browser.text(By.id("issued-serial"));
        Path p12 = browser.downloaded(name -> name.equals(firstSerial + ".p12"));
        Openssl.Result opened = Openssl.run("pkcs12", "-in", p12.toString(), "-passin", "pass:" + P12_PASSPHRASE, "-nodes");
        assertThat(opened.exit()).as(opened.output()).isZero();
        assertThat(opened.output()).contains("CN = Bambang Irawan").contains("BEGIN PRIVATE KEY");
        assertThat(Openssl.run("pkcs12", "-in", p12.toString(), "-passin", "pass:salah sama sekali", "-nokeys").exit()).isNotZero();
    }

    @Test
    @Order(2)
    void theRenewalSopRunsThroughThePagesFromTheRemindersLinkToTheVerifiedCertificate() throws IOException {
        // step 1: the reminder, as the daily run sends it; its link opens the renewal page (the first issuance's mail
        // names the serial too, and may arrive after the reminder was asked for: the reminder is the one with the link)
        ConsolePeople.runReminders();
        Mail reminder = people.inbox.await(applicant.email(), "expiry reminder", m -> m.subject().contains(firstSerial) && m.find(RENEWAL_LINK).isPresent());
        String link = reminder.find(RENEWAL_LINK).orElseThrow();
        // step 2: the link asks for the login first, then comes back to the renewal page
        browser.open(link).login(applicant.email(), applicantPassword, null).onPage("Pembaruan sertifikat elektronik");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/pembaruan?serial=" + firstSerial);
        browser.waitFor(By.id("my-data"));
        browser.step("pembaruan");

        // step 3 "not Sesuai": a transfer to another unit; step 4: the data change with the SK as PDF
        browser.click(By.id("change-data")).onPage("Perubahan data pemohon");
        new Select(browser.waitFor(By.name("workUnitId"))).selectByValue(people.unitAfter.toString());
        browser.type(By.name("position"), "Analis Kepegawaian Ahli Muda").type(By.name("reason"), "Mutasi sesuai SK Kepala BKPSDM Kabupaten Kapuas");
        browser.waitFor(By.name("documents")).sendKeys(skMutasi().toAbsolutePath().toString());
        browser.step("perubahan-data").click(By.id("submit-change"));
        browser.onPage("Pembaruan sertifikat elektronik");
        assertThat(browser.text(By.cssSelector("main .notice.info"))).contains("menunggu persetujuan");

        // a verifier sees the change with the PDF in the page and approves it
        browser.open("/console/perubahan-data").login(verifierA.email(), ConsolePeople.PASSWORD, verifierA.authenticator()).onPage("Perubahan data");
        browser.click(By.linkText("Bambang Irawan")).onPage("Tinjau perubahan data");
        WebElement pdf = browser.waitFor(By.cssSelector("object.document"));
        assertThat(pdf.getAttribute("type")).isEqualTo("application/pdf");
        assertThat(pdf.getAttribute("data")).startsWith("blob:");
        assertThat(browser.text(By.id("change-fields"))).contains("Bidang Pengadaan").contains("Bidang Pengembangan Kompetensi");
        browser.step("tinjau-perubahan-data").click(By.id("approve-change")).onPage("Perubahan data");

        // step 3 again: "Sesuai"; step 5: a new key made in this browser, saved encrypted, and the request; step 6: submit
        browser.open(link).login(applicant.email(), applicantPassword, null).onPage("Pembaruan sertifikat elektronik");
        browser.click(By.id("confirm-data")).waitFor(By.id("generate-key"));
        browser.type(By.name("key-passphrase"), KEY_PASSPHRASE).type(By.name("key-passphrase-repeat"), KEY_PASSPHRASE).click(By.id("generate-key"));
        Path key = browser.downloaded(name -> name.startsWith("kunci-sertel-") && name.endsWith(".pem"));
        assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(browser.waitContent(By.id("csr-pem"), "-----BEGIN CERTIFICATE REQUEST-----")).contains("-----END CERTIFICATE REQUEST-----");
        browser.step("kunci-dibuat").click(By.id("create-request")).onPage("Status permohonan");
        browser.click(By.id("submit-request")).waitText(By.id("request-state"), "Diajukan");
        UUID renewal = requestIdFromAddress();
        browser.step("permohonan-diajukan");

        // step 7: verifier A works the queue: claim, the five items, the institution contact
        browser.open("/console/antrean").login(verifierA.email(), ConsolePeople.PASSWORD, verifierA.authenticator()).onPage("Antrean verifikasi");
        browser.waitFor(By.id("queue-table"));
        browser.step("antrean-verifikasi");
        browser.click(By.cssSelector("button[data-request='" + renewal + "']")).onPage("Verifikasi permohonan");
        browser.type(By.name("contactPerson"), "Dra. Wulan, Kasubbag Umum BKPSDM");
        new Select(browser.waitFor(By.name("channel"))).selectByValue("PHONE");
        new Select(browser.waitFor(By.name("outcome"))).selectByValue("CONFIRMED");
        browser.tickAll(By.cssSelector("input[type=checkbox][name^=match-]"), 5);
        browser.click(By.id("save-checks"));
        assertThat(browser.notice()).contains("Hasil pemeriksaan tersimpan");
        browser.step("langkah-7");
        // four eyes: the one who recorded the checks may not approve; the problem is shown in the user's language
        browser.click(By.id("approve"));
        assertThat(browser.text(By.cssSelector("main .outlet .notice.error"))).contains("Prinsip empat mata");

        // step 8: verifier B approves
        browser.open("/console/tinjau/" + renewal).login(verifierB.email(), ConsolePeople.PASSWORD, verifierB.authenticator())
                .onPage("Verifikasi permohonan").click(By.id("approve"));
        assertThat(browser.notice()).contains("Permohonan disetujui");

        // done: the applicant downloads the certificate; openssl verifies it against our CA and it certifies the browser's key
        browser.open("/permohonan/" + renewal).login(applicant.email(), applicantPassword, null).onPage("Status permohonan");
        browser.waitText(By.id("request-state"), "Selesai");
        String serial = browser.text(By.id("issued-serial"));
        browser.step("permohonan-selesai").click(By.id("download-certificate"));
        Path certificate = browser.downloaded(name -> name.equals(serial + ".pem"));
        Path chain = Openssl.file("chain", RestAssured.given().baseUri(SystemStack.gateway()).get("/pki/ca/chain.pem").then().statusCode(200)
                .extract().asString());
        Openssl.Result verified = Openssl.run("verify", "-x509_strict", "-CAfile", chain.toString(), certificate.toString());
        assertThat(verified.output()).as(verified.output()).contains(": OK");
        Openssl.Result subject = Openssl.run("x509", "-in", certificate.toString(), "-noout", "-subject", "-nameopt", "utf8,sep_comma_plus_space,space_eq");
        assertThat(subject.output()).contains("OU = Bidang Pengembangan Kompetensi").contains("CN = Bambang Irawan");
        Openssl.Result keyPublic = Openssl.run("pkey", "-in", key.toString(), "-passin", "pass:" + KEY_PASSPHRASE, "-pubout");
        Openssl.Result certPublic = Openssl.run("x509", "-in", certificate.toString(), "-noout", "-pubkey");
        assertThat(keyPublic.exit()).as(keyPublic.output()).isZero();
        assertThat(keyPublic.output()).isEqualTo(certPublic.output());
        assertThat(Openssl.run("pkey", "-in", key.toString(), "-passin", "pass:bukan kata sandinya", "-noout").exit()).isNotZero();
        // the SOP timeline: eight steps; the applicant's own shown as such, steps 7 and 8 by the two verifiers (four eyes)
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.timeline tbody tr"));
        assertThat(rows).hasSize(8);
        assertThat(rows.get(1).getText()).contains("Pemohon (Anda)");
        assertThat(rows.get(6).getText()).contains("Verifikator");
        assertThat(rows.get(6).findElement(By.cssSelector("[data-actor]")).getAttribute("data-actor")).isEqualTo(verifierA.id().toString());
        assertThat(rows.get(7).findElement(By.cssSelector("[data-actor]")).getAttribute("data-actor")).isEqualTo(verifierB.id().toString());
    }

    @Test
    @Order(3)
    void anApplicantUsesTheConsoleInEnglishOnAPhoneAndResetsAForgottenPassword() {
        browser.phone(true).open("/console").login(applicant.email(), applicantPassword, null).onPage("Beranda");
        browser.click(By.id("language-switch")).onPage("Home").step("ponsel-beranda-en");
        menu("My data").onPage("My data");
        assertThat(browser.text(By.id("my-data"))).contains(applicant.nik()).contains("Bidang Pengembangan Kompetensi");
        browser.step("ponsel-data-saya-en");
        menu("My certificates").onPage("My certificates");
        List<String> rows = browser.driver().findElements(By.cssSelector("main tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(2).anySatisfy(r -> assertThat(r).contains("Active")).anySatisfy(r -> assertThat(r).contains(firstSerial)
                .contains("Superseded"));
        browser.step("ponsel-sertifikat-en");

        // a refusal of the API, shown with the problem's own title and detail in the user's language
        String token = ConsolePeople.passwordLoginAs(applicant.email(), applicantPassword);
        io.restassured.path.json.JsonPath problem = ConsolePeople.api(token).header("Accept-Language", "en")
                .body(java.util.Map.of("type", "ISSUANCE", "keyGeneration", java.util.Map.of("keyType", "EC_P256"))).post("/api/v1/requests")
                .then().statusCode(422).contentType("application/problem+json").extract().jsonPath();
        menu("My requests").onPage("My requests").click(By.linkText("New issuance request")).onPage("Certificate issuance request");
        browser.click(By.xpath("//label[contains(., 'Key made by the system')]")).click(By.id("create-request"));
        String shown = browser.text(By.cssSelector("main .outlet .notice.error"));
        assertThat(shown).contains(problem.getString("title")).contains(problem.getString("detail"));
        browser.step("ponsel-penolakan-en");
        menu("Notifications").onPage("My notifications");
        assertThat(browser.text(By.cssSelector("main tbody"))).contains("Expiry reminder");
        browser.step("ponsel-notifikasi-en");
        browser.click(By.id("language-switch")).onPage("Notifikasi saya");
        browser.phone(false);

        // the login page's "forgot password" link leads to the console's reset page; the mailed link sets a new password
        browser.open("/console").click(By.partialLinkText("Lupa")).onPage("Atur ulang kata sandi").step("reset-minta");
        browser.type(By.name("email"), applicant.email()).click(By.id("send-reset"));
        assertThat(browser.notice()).contains("tautan telah dikirim");
        browser.open(people.mailedLink(applicant.email(), "Atur ulang kata sandi")).onPage("Atur ulang kata sandi");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("token=");
        applicantPassword = "kata sandi baru yang panjang";
        browser.type(By.name("password"), applicantPassword).type(By.name("password-repeat"), applicantPassword).step("reset-kata-sandi")
                .click(By.id("reset-password"));
        browser.waitText(By.cssSelector("main .notice.success"), "Kata sandi baru tersimpan");
        browser.open("/console").login(applicant.email(), applicantPassword, null).onPage("Beranda");
    }

    @Test
    @Order(4)
    void aVerifierFindsTheApplicantsOfTheirInstitutionWithTheNikMasked() {
        browser.open("/console/pemohon").login(verifierA.email(), ConsolePeople.PASSWORD, verifierA.authenticator()).onPage("Cari pemohon");
        browser.type(By.name("q"), "Bambang").click(By.cssSelector("form[role=search] button"));
        String results = browser.textContaining(By.id("applicant-results"), "Bambang Irawan");
        assertThat(results).contains("************" + applicant.nik().substring(12)).doesNotContain(applicant.nik())
                .contains(people.institutionName);
        browser.step("cari-pemohon");
        browser.type(By.name("q"), applicant.nik()).click(By.cssSelector("form[role=search] button"));
        browser.waitText(By.cssSelector("main [aria-live] p"), "1 pemohon");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(applicant.nik());
        menu("Perubahan data").onPage("Perubahan data");
        menu("Antrean verifikasi").onPage("Antrean verifikasi").step("antrean-kosong");
    }

    @Test
    @Order(5)
    void anAdminManagesInstitutionsAndOfficersAndReadsTheSopReportAndTheDeliveryLog() {
        Authenticator admin = Authenticator.sharedWithOthers(ConsolePeople.adminSecret());
        browser.open("/console/admin/laporan-sop").login("admin@kapuaskab.go.id", "sertel-demo", admin).onPage("Laporan SOP terhadap mutu baku");
        // the latest month: one bar per step the table lists, step 8 (the approvals of this run) among them
        WebElement month = browser.waitFor(By.cssSelector("#sop-report section.report-month"));
        int steps = month.findElements(By.cssSelector("tbody tr")).size();
        assertThat(month.findElements(By.cssSelector("svg.sop-chart rect.bar"))).hasSize(steps);
        assertThat(steps).isGreaterThanOrEqualTo(4);
        assertThat(month.getText()).contains("Menyetujui permohonan");
        browser.step("laporan-sop");

        String code = "ADM" + people.tag.toUpperCase(java.util.Locale.ROOT);
        menu("Instansi").onPage("Instansi dan unit kerja");
        browser.type(By.name("code"), code).type(By.name("name"), "Dinas Uji Admin " + people.tag)
                .type(By.name("domains"), "admin-" + people.tag + ".kapuaskab.go.id").click(By.xpath("//button[.='Simpan instansi']"));
        browser.waitText(By.id("institutions-table"), code);
        browser.step("instansi");

        String invited = "petugas." + people.tag + "@" + people.domain;
        menu("Petugas").onPage("Petugas");
        browser.type(By.name("email"), invited).type(By.name("fullName"), "Petugas Undangan");
        browser.click(By.xpath("//label[.='" + people.institutionName + "']")).click(By.xpath("//button[.='Kirim undangan']"));
        browser.waitText(By.id("officers-table"), invited);
        WebElement row = browser.driver().findElement(By.xpath("//tr[contains(., '" + invited + "')]"));
        row.findElement(By.tagName("summary")).click();
        row.findElement(By.cssSelector("input[name^=reason-]")).sendKeys("salah alamat undangan");
        row.findElement(By.xpath(".//button[.='Nonaktifkan akun']")).click();
        browser.waitText(By.xpath("//tr[contains(., '" + invited + "')]"), "Dinonaktifkan");
        browser.step("petugas");

        menu("Log pengiriman").onPage("Log pengiriman");
        browser.waitText(By.id("delivery-table"), applicant.email());
        browser.step("log-pengiriman");
        menu("Permohonan macet").onPage("Permohonan macet").step("permohonan-macet");

        // a regional system registered with its scope and institution: the secret shown once works at the token endpoint
        String system = "e-Office uji " + people.tag;
        menu("Integrasi").onPage("Sistem daerah dan webhook");
        browser.type(By.name("clientName"), system).type(By.name("ownerContact"), "eoffice@" + people.domain)
                .click(By.xpath("//label[contains(., '(status:read)')]")).click(By.xpath("//label[.='" + people.institutionName + "']"))
                .click(By.xpath("//button[.='Daftarkan']"));
        String secret = browser.text(By.id("client-secret"));
        WebElement client = browser.waitText(By.xpath("//tr[contains(., '" + system + "')]"), "Aktif");
        String clientId = client.findElement(By.tagName("code")).getText();
        assertThat(RestAssured.given().baseUri(SystemStack.gateway()).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/auth/token").then().statusCode(200).extract().<String>path("scope")).contains("status:read");
        browser.step("integrasi");
        client.findElement(By.tagName("summary")).click();
        client.findElement(By.cssSelector("input[name^=reason-]")).sendKeys("uji penonaktifan");
        client.findElement(By.xpath(".//button[.='Nonaktifkan sistem']")).click();
        browser.waitText(By.xpath("//tr[contains(., '" + system + "')]"), "Dinonaktifkan");
        RestAssured.given().baseUri(SystemStack.gateway()).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/auth/token").then().statusCode(401);
    }

    private static ConsoleBrowser menu(String item) {
        WebElement toggle = browser.driver().findElement(By.cssSelector(".menu-toggle"));
        if (toggle.isDisplayed() && !"true".equals(toggle.getAttribute("aria-expanded"))) {
            toggle.click();
        }
        return browser.click(By.linkText(item));
    }

    private static UUID requestIdFromAddress() {
        String url = browser.driver().getCurrentUrl();
        return UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
    }

    /** A small real PDF: the "SK mutasi" the applicant attaches. */
    static Path skMutasi() throws IOException {
        String content = "BT /F1 18 Tf 72 720 Td (SK Kepala BKPSDM Kabupaten Kapuas: mutasi) Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        Path file = Path.of("target", "sk-mutasi.pdf");
        Files.writeString(file, pdf, StandardCharsets.US_ASCII);
        return file;
    }
}
