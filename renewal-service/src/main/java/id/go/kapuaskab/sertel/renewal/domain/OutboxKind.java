package id.go.kapuaskab.sertel.renewal.domain;

/**
 * What an outbox item of this service asks for, and its topic in the outbox engine: the CA to issue or to revoke for
 * a request, or a workflow event to be delivered to notification-service.
 */
public enum OutboxKind {
    CA_ISSUE("ca.issue"),
    CA_REVOKE("ca.revoke"),
    EVENT("workflow.event");

    private final String topic;

    OutboxKind(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    public static OutboxKind ofTopic(String topic) {
        for (OutboxKind k : values()) {
            if (k.topic.equals(topic)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Not a topic of this service: " + topic);
    }
}
