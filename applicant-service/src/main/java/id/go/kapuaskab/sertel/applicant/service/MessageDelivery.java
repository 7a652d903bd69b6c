package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.client.NotificationClient;
import id.go.kapuaskab.sertel.outbox.OutboxHandler;
import id.go.kapuaskab.sertel.outbox.OutboxItem;
import id.go.kapuaskab.sertel.outbox.Outcome;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Delivers this service's mails to notification-service, the one mail path of the system (see {@link AccountMail}). */
@ApplicationScoped
public class MessageDelivery implements OutboxHandler {

    private final NotificationClient notifications;
    private final ServiceToken token;
    private final SecretBox box;
    private final ObjectMapper json;

    MessageDelivery(NotificationClient notifications, ServiceToken token, SecretBox box, ObjectMapper json) {
        this.notifications = notifications;
        this.token = token;
        this.box = box;
        this.json = json;
    }

    @Override
    public String topic() {
        return AccountMail.TOPIC;
    }

    @Override
    public Outcome handle(OutboxItem item) {
        try {
            notifications.message(token.get(), opened(item));
            return Outcome.done();
        } catch (PeerRejected e) {
            return Outcome.dead(e.code(), "notification-service refused the message: " + e.status() + " " + e.code());
        }
    }

    /** The message with its sealed parameters opened, only in memory, on its way out. */
    private String opened(OutboxItem item) {
        try {
            ObjectNode body = (ObjectNode) json.readTree(item.payload());
            UUID owner = UUID.fromString(item.reference());
            ObjectNode params = (ObjectNode) body.path("params");
            for (var field : params.properties()) {
                String value = field.getValue().asText();
                if (value.startsWith(AccountMail.SEALED)) {
                    byte[] plain = box.open(Base64.getDecoder().decode(value.substring(AccountMail.SEALED.length())), owner);
                    params.put(field.getKey(), new String(plain, StandardCharsets.UTF_8));
                }
            }
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable outbox message", e);
        }
    }
}
