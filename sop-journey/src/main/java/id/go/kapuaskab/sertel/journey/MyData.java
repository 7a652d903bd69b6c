package id.go.kapuaskab.sertel.journey;

/** The applicant's own data: read it (SOP step 3) and confirm a data version as correct ("Sesuai"). */
final class MyData {

    private final Gateway gateway;

    MyData(Gateway gateway) {
        this.gateway = gateway;
    }

    Answer read(Session applicant) {
        Answer me = gateway.get("/api/v1/applicants/me").as(applicant).send();
        me.json(200);
        me.has("email", applicant.email()).has("status", "ACTIVE");
        return me;
    }

    /** "Sesuai" for this data version; fails unless the service records exactly it. */
    void confirm(Session applicant, int version) {
        Answer confirmed = gateway.post("/api/v1/applicants/me/confirmation").as(applicant).json(Json.object("dataVersion", version)).send();
        confirmed.json(200);
        confirmed.has("dataVersion", version);
        confirmed.field("confirmedAt");
    }
}
