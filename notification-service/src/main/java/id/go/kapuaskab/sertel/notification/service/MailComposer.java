package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.config.MailConfig;
import id.go.kapuaskab.sertel.notification.config.ReminderConfig;
import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.domain.RenderedMail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders every message from its Qute templates ({@code templates/mail/<kind>.<lang>.txt} with a {@code subject}
 * fragment, and {@code .html}), in Indonesian or English, with times in WIB; workflow messages whose news depends on
 * the request type have a text per type ({@link #renderWorkflow}).
 */
@ApplicationScoped
public class MailComposer {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final Map<String, DateTimeFormatter> FORMATS = Map.of(
            "id", DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'pukul' HH.mm", INDONESIAN),
            "en", DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'at' HH:mm", Locale.ENGLISH));
    private static final Map<String, Map<String, String>> REQUEST_TYPES = Map.of(
            "id", Map.of("ISSUANCE", "penerbitan sertifikat", "RENEWAL", "pembaruan sertifikat", "REVOCATION", "pencabutan sertifikat"),
            "en", Map.of("ISSUANCE", "certificate issuance", "RENEWAL", "certificate renewal", "REVOCATION", "certificate revocation"));

    private final Engine engine;
    private final MailConfig mail;
    private final ZoneId zone;

    MailComposer(Engine engine, MailConfig mail, ReminderConfig reminders) {
        this.engine = engine;
        this.mail = mail;
        this.zone = reminders.timeZone();
    }

    /** Renders one kind of message in {@code id} or {@code en}. */
    public RenderedMail render(DeliveryKind kind, String lang, Map<String, Object> data) {
        return render(kind.template(), lang, data);
    }

    /**
     * Renders a workflow message with the text of its request type, where what happened differs by type: a completed
     * revocation revoked a certificate (it issued none, and has no validity to tell), an approved one is being revoked,
     * a rejected one leaves the certificate valid, a completed first issuance has no previous certificate. Such texts
     * are {@code <kind>-<type>.<lang>.txt} (e.g. {@code request-completed-revocation.en.txt}); a kind whose text holds
     * for every type (submitted, returned) has only {@code <kind>.<lang>.txt}.
     */
    public RenderedMail renderWorkflow(DeliveryKind kind, String requestType, String lang, Map<String, Object> data) {
        return render(workflowTemplate(kind, requestType, lang), lang, data);
    }

    /** The template a workflow message of this kind and request type is written with. */
    String workflowTemplate(DeliveryKind kind, String requestType, String lang) {
        if (requestType != null && !requestType.isBlank()) {
            String specific = kind.template() + "-" + requestType.toLowerCase(Locale.ROOT);
            if (engine.getTemplate("mail/" + specific + "." + lang(lang) + ".txt") != null) {
                return specific;
            }
        }
        return kind.template();
    }

    private RenderedMail render(String template, String lang, Map<String, Object> data) {
        String base = "mail/" + template + "." + lang(lang);
        Template text = require(base + ".txt");
        String subject = text.getFragment("subject").data(data).render().strip().replaceAll("\\s+", " ");
        String body = text.data(data).render().strip().replaceAll("\n{3,}", "\n\n") + "\n";
        Template html = engine.getTemplate(base + ".html");
        String htmlBody = html != null ? html.data(data).render()
                : require("mail/generic.html").data("lang", lang(lang)).data("subject", subject)
                        .data("paragraphs", paragraphs(body)).data("link", data.get("link")).render();
        return new RenderedMail(subject, body, htmlBody);
    }

    /** The data of an expiry reminder. */
    public Map<String, Object> reminder(String fullName, String serial, Instant notAfter, long daysLeft, String lang, Instant now) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", fullName);
        data.put("serial", serial);
        data.put("expiresAt", when(notAfter, lang));
        data.put("daysLeft", daysLeft);
        data.put("expired", !notAfter.isAfter(now));
        data.put("renewalLink", mail.renewalUrl() + (mail.renewalUrl().contains("?") ? "&" : "?") + "serial="
                + URLEncoder.encode(serial, StandardCharsets.UTF_8));
        return data;
    }

    /** A date and time in WIB, spelled out in the language: {@code Senin, 10 Mei 2027 pukul 15.00 WIB}. */
    public String when(Instant instant, String lang) {
        return instant == null ? "" : FORMATS.get(lang(lang)).format(instant.atZone(zone)) + " WIB";
    }

    public String requestType(String type, String lang) {
        return REQUEST_TYPES.get(lang(lang)).getOrDefault(type == null ? "" : type, type == null ? "" : type.toLowerCase(Locale.ROOT));
    }

    public String requestLink(Object requestId) {
        return mail.requestsUrl() + "/" + requestId;
    }

    /** The plain text as paragraphs of lines, for the HTML of messages that have no HTML template of their own. */
    private static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String block : text.strip().split("\n\\s*\n")) {
            paragraphs.add(List.of(block.split("\n")));
        }
        return paragraphs;
    }

    static String lang(String lang) {
        return "en".equalsIgnoreCase(lang) ? "en" : "id";
    }

    private Template require(String id) {
        Template t = engine.getTemplate(id);
        if (t == null) {
            throw new IllegalStateException("Missing mail template " + id);
        }
        return t;
    }
}
