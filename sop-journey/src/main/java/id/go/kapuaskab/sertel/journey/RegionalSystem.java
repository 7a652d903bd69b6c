package id.go.kapuaskab.sertel.journey;

/**
 * The regency's e-office as sertel sees it: a regional system the admin registers (scopes {@code events:subscribe}
 * and {@code documents:sign}, the run's institution only), logged in with its client credentials, subscribed to the
 * events of that institution with its own webhook endpoint.
 */
final class RegionalSystem implements AutoCloseable {

    private final Session session;
    private final String clientId;
    private final WebhookReceiver receiver;

    private RegionalSystem(Session session, String clientId, WebhookReceiver receiver) {
        this.session = session;
        this.clientId = clientId;
        this.receiver = receiver;
    }

    static RegionalSystem register(Gateway gateway, Narrator narrator, Cast cast) {
        RunData data = cast.data();
        narrator.say("The admin registers the regency's e-office as a regional system: the institution " + data.institutionCode()
                + " only, scopes events:subscribe and documents:sign. The client secret is shown once.");
        Answer registered = gateway.post("/api/v1/integrations/clients").as(cast.admin()).json(Json.object(
                "name", "e-Office " + data.institutionName(), "ownerContact", "eoffice@" + data.domain(),
                "institutionIds", Json.array(cast.institutionId().toString()),
                "scopes", Json.array("events:subscribe", "documents:sign"))).send();
        registered.json(201);
        String clientId = registered.field("client/id");
        Session session = Session.client(gateway, "e-office", clientId, registered.field("clientSecret"));
        WebhookReceiver receiver = new WebhookReceiver();
        narrator.say("The e-office subscribes its webhook endpoint to the requests and certificates of its institution.");
        Answer subscribed = gateway.post("/api/v1/integrations/webhooks").as(session).json(Json.object(
                "url", receiver.url(), "eventTypes", Json.array("request.state-changed", "certificate.issued", "certificate.revoked"),
                "description", "Naskah dinas: status sertifikat pegawai", "contactEmail", "eoffice@" + data.domain(), "language", "id")).send();
        subscribed.json(201);
        receiver.trust(subscribed.field("secret"));
        return new RegionalSystem(session, clientId, receiver);
    }

    Session session() {
        return session;
    }

    String clientId() {
        return clientId;
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    @Override
    public void close() {
        receiver.close();
    }
}
