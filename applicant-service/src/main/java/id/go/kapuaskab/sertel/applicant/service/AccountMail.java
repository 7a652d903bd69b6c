package id.go.kapuaskab.sertel.applicant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.MessageTemplate;
import id.go.kapuaskab.sertel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every mail this service sends: written into the outbox (topic {@value #TOPIC}) in the transaction of the change it
 * tells about, delivered to notification-service by {@link MessageDelivery} with the item id as message id, so a
 * retry never sends twice and a rolled-back change never mails. A one-time link or code ({@code link}, {@code token})
 * waits in the outbox encrypted ({@link SecretBox}), never in the clear; {@link MessageDelivery} opens it to hand over.
 */
@ApplicationScoped
public class AccountMail {

    static final String TOPIC = "mail.message";
    static final Set<String> SECRET_PARAMS = Set.of("link", "token");
    static final String SEALED = "sealed:";

    private final Outbox outbox;
    private final ObjectMapper json;
    private final SecretBox box;

    AccountMail(Outbox outbox, ObjectMapper json, SecretBox box) {
        this.outbox = outbox;
        this.json = json;
        this.box = box;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(MessageTemplate template, Account to, Map<String, String> params) {
        UUID messageId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", messageId);
        body.put("template", template.name());
        body.put("to", to.email);
        body.put("language", to.language);
        Map<String, String> all = new LinkedHashMap<>();
        params.forEach((k, v) -> all.put(k, SECRET_PARAMS.contains(k) ? SEALED + Base64.getEncoder().encodeToString(
                box.seal(v.getBytes(StandardCharsets.UTF_8), to.id)) : v));
        all.putIfAbsent("fullName", to.fullName);
        body.put("params", all);
        try {
            outbox.enqueue(Outbox.item(TOPIC).id(messageId).about(to.id.toString()).payload(json.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
