package id.go.kapuaskab.sertel.renewal.rest;

/** Example bodies for the OpenAPI document, in one place so the resources' annotations stay readable. */
final class OpenApiExamples {

    static final String REQUEST = """
            {"id":"0b5f3c1e-2d4a-4e8b-9f61-7a2c5d8e1b34","type":"RENEWAL","state":"IN_REVIEW",\
            "applicantId":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15","institutionId":"c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34",\
            "createdAt":"2026-12-01T09:12:00+07:00","updatedAt":"2026-12-02T10:05:00+07:00","submittedAt":"2026-12-01T09:20:00+07:00",\
            "keyGeneration":false,"keyCustody":null,"signingKeyId":null,"certificateSerial":"3A7F09C1D2E4B5A6",\
            "revocationReason":null,"claimedBy":"e2d4c6a8-1b3f-4d5e-8a7c-9b0e1f2a3c4d","reason":null,"issuedSerial":null,\
            "ageSeconds":89100,"slaStatus":"ON_TIME"}""";
    static final String PAGE = "{\"items\":[" + REQUEST + "],\"offset\":0,\"limit\":20,\"total\":1}";
    static final String NEW_RENEWAL = """
            {"type":"RENEWAL","keyGeneration":{"keyType":"EC_P256","custody":"KEPT"},"certificateSerial":"3A7F09C1D2E4B5A6"}""";
    static final String NEW_ISSUANCE_CSR = """
            {"type":"ISSUANCE","csr":"-----BEGIN CERTIFICATE REQUEST-----\\nMIIBGTCBwAIBADBeMQswCQYDVQQGEwJJRDEm…\\n-----END CERTIFICATE REQUEST-----\\n"}""";
    static final String NEW_REVOCATION = """
            {"type":"REVOCATION","certificateSerial":"3A7F09C1D2E4B5A6","reason":"keyCompromise"}""";
    static final String EDIT = """
            {"keyGeneration":{"keyType":"EC_P384","custody":"DELIVERED"}}""";
    static final String DETAIL = "{\"request\":" + REQUEST + """
            ,"csr":null,"keyType":"EC_P256","loginAt":"2026-12-01T09:10:00+07:00",\
            "snapshot":{"fullName":"Budi Santoso","email":"budi.santoso@kapuaskab.go.id","nik":"620301******0001",\
            "institutionId":"c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34","institutionName":"Dinas Kominfo Kabupaten Kapuas"},\
            "current":null,"differences":[],"currentUnavailable":false,\
            "checks":[{"item":"FULL_NAME","matches":true,"note":null,"recordedBy":"e2d4c6a8-1b3f-4d5e-8a7c-9b0e1f2a3c4d",\
            "recordedAt":"2026-12-02T10:05:00+07:00"}],"contact":null,\
            "history":[{"from":"DRAFT","to":"SUBMITTED","actor":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15","actorRole":"APPLICANT",\
            "at":"2026-12-01T09:20:00+07:00","reason":null}],"approvedBy":null,"approvedAt":null,"completedAt":null,\
            "issuedNotBefore":null,"issuedNotAfter":null}""";
    static final String CHECKS = """
            {"items":[{"item":"FULL_NAME","matches":true},{"item":"INSTITUTION","matches":true,"note":"SK mutasi dilampirkan"}],\
            "contact":{"contactPerson":"Siti Aminah (Sekretariat)","channel":"PHONE","contactedAt":"2026-12-02T10:00:00+07:00",\
            "outcome":"CONFIRMED","note":"Pemohon benar pegawai aktif"}}""";
    static final String REASON = """
            {"reason":"CSR memuat alamat e-mail pribadi; gunakan e-mail dinas"}""";
    static final String STUCK = """
            [{"request":{"id":"0b5f3c1e-2d4a-4e8b-9f61-7a2c5d8e1b34","type":"RENEWAL","state":"ISSUING",\
            "applicantId":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15","institutionId":"c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34",\
            "keyGeneration":false,"certificateSerial":"3A7F09C1D2E4B5A6"},"work":"ISSUE","attempts":4,"lastError":"certificate-service unavailable (503)",\
            "lastAttemptAt":"2026-12-02T11:00:00+07:00","nextAttemptAt":"2026-12-02T11:08:00+07:00","gaveUpAt":null}]""";
    static final String SOP_SUMMARY = """
            [{"month":"2026-11","step":8,"nameId":"Persetujuan permohonan","nameEn":"Approval of the request","count":42,\
            "medianSeconds":5400.0,"p90Seconds":21600.0,"standardSeconds":86400.0,"shareWithinStandard":0.97}]""";
    static final String TIMELINE = """
            {"requestId":"0b5f3c1e-2d4a-4e8b-9f61-7a2c5d8e1b34","type":"RENEWAL","state":"IN_REVIEW","completedAt":null,\
            "steps":[{"step":5,"name":"Pengajuan permohonan","nameId":"Pengajuan permohonan","nameEn":"Submitting the request",\
            "status":"DONE","actor":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15","actorRole":"APPLICANT",\
            "startedAt":"2026-12-01T09:12:00+07:00","completedAt":"2026-12-01T09:20:00+07:00","durationSeconds":480.0,\
            "standardSeconds":3600.0,"withinStandard":true,"note":null}]}""";

    private OpenApiExamples() {
    }
}
