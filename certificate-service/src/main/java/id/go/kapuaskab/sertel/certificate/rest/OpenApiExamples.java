package id.go.kapuaskab.sertel.certificate.rest;

/** Example bodies for the OpenAPI document, in one place so the resources' annotations stay readable. */
final class OpenApiExamples {

    static final String VIEW = """
            {"serial":"3A7F09C1D2E4B5A6","status":"ACTIVE","holderId":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15",\
            "institutionId":"c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34","subject":"CN=Budi Santoso,O=Dinas Kominfo Kabupaten Kapuas,C=ID",\
            "commonName":"Budi Santoso","email":"budi.santoso@kapuaskab.go.id","caName":"sertel-issuing-ca","profile":"document-signing",\
            "keyType":"EC_P256","keyFingerprint":"SHA256:9f2c…e41a","keyGenerated":false,"notBefore":"2026-01-05T02:00:00Z",\
            "notAfter":"2028-01-05T02:00:00Z","predecessorSerial":null,"successorSerial":null,"revokedAt":null,\
            "revocationReason":null,"invalidityDate":null}""";
    static final String REVOKED_VIEW = """
            {"serial":"3A7F09C1D2E4B5A6","status":"REVOKED","holderId":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15",\
            "institutionId":"c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34","commonName":"Budi Santoso","caName":"sertel-issuing-ca",\
            "profile":"document-signing","notBefore":"2026-01-05T02:00:00Z","notAfter":"2028-01-05T02:00:00Z",\
            "revokedAt":"2026-06-01T03:15:00Z","revocationReason":"keyCompromise","invalidityDate":"2026-05-30T00:00:00Z"}""";
    static final String SUSPENDED_VIEW = """
            {"serial":"3A7F09C1D2E4B5A6","status":"SUSPENDED","holderId":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15",\
            "institutionId":"c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34","commonName":"Budi Santoso","caName":"sertel-issuing-ca",\
            "profile":"document-signing","notBefore":"2026-01-05T02:00:00Z","notAfter":"2028-01-05T02:00:00Z",\
            "revokedAt":"2026-06-01T03:15:00Z","revocationReason":"certificateHold","invalidityDate":null}""";
    static final String PAGE = "{\"items\":[" + VIEW + "],\"page\":0,\"size\":20,\"total\":1}";
    static final String REVOCATION = """
            {"reason":"keyCompromise","invalidityDate":"2026-05-30T00:00:00Z"}""";
    static final String SERIAL = "3A7F09C1D2E4B5A6";
    static final String CA_NAME = "sertel-issuing-ca";
    static final String PEM = "-----BEGIN CERTIFICATE-----\nMIICLzCCAdWgAwIBAgIIOn8JwdLktaYwCgYIKoZIzj0EAwIw…\n-----END CERTIFICATE-----\n";
    static final String CHAIN = PEM + "-----BEGIN CERTIFICATE-----\nMIIB+jCCAaGgAwIBAgIIF3c2…\n-----END CERTIFICATE-----\n";
    static final String DER = "(binary DER; shown base64) MIICLzCCAdWgAwIBAgIIOn8JwdLktaYwCgYIKoZIzj0EAwIw…";
    static final String CRL = "(binary DER CertificateList; shown base64) MIIBLDCB0wIBATAKBggqhkjOPQQDAjA…";
    static final String P7C = "(binary DER certs-only SignedData; shown base64) MIIEDgYJKoZIhvcNAQcCoIID/zCCA/sCAQExADAL…";
    static final String OCSP_REQUEST = "(binary DER OCSPRequest; shown base64) MEIwQDA+MDwwOjAJBgUrDgMCGgUABBQ…";
    static final String OCSP_RESPONSE = "(binary DER OCSPResponse; shown base64) MIIB0woBAKCCAcwwggHIBgkrBgEFBQcwAQEEggG5…";
    static final String OCSP_GET = "MEIwQDA%2BMDwwOjAJBgUrDgMCGgUABBQ1hE3W5xT1m0w%2FbE0FJp2H6R8dQgQU…";

    private OpenApiExamples() {
    }
}
