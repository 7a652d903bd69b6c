package id.go.kapuaskab.sertel.applicant.rest;

/** Response examples of the OpenAPI document that are too long to sit in the annotations. */
final class ApplicantExamples {

    static final String MY_DATA = """
            {"id":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15","status":"ACTIVE","fullName":"Budi Santoso","email":"budi@kapuaskab.go.id",
             "nik":"6203015208900001","nip":"199008122015031002","phone":"081234567890","position":"Analis Kebijakan",
             "employmentType":"PNS","institution":{"id":"c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34","code":"DISKOMINFO",
             "name":"Dinas Komunikasi dan Informatika"},"workUnit":{"id":"0d8e6f4a-2c1b-4e3d-9f5a-7b6c8d9e0f12","name":"Bidang Persandian"},
             "language":"id","selfRegistered":true,"dataVersion":3,"subjectVersion":2,"confirmedVersion":3,
             "confirmedAt":"2026-12-01T02:15:00Z","openDataChangeId":null,
             "certificateFields":["fullName","email","nik","institution","workUnit"],"subjectFields":["fullName","email","nik"]}""";

    static final String MY_DATA_CHANGES = """
            [{"id":"3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","applicantId":"7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15",
              "applicantName":"Budi Santoso","institutionId":"c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34","status":"SUBMITTED",
              "baseDataVersion":3,"changes":{"position":"Kepala Seksi Persandian"},"currentValues":{"position":"Analis Kebijakan"},
              "subjectChange":false,"reason":"Mutasi jabatan per SK Bupati 800/123/2026","submittedByClient":null,
              "submittedAt":"2026-12-02T01:00:00Z","decidedAt":null,"decidedBy":null,"decisionReason":null,"resultVersion":null,
              "documents":[{"id":"5e7f9a1b-3c5d-4e6f-8a9b-0c1d2e3f4a5b","fileName":"sk-mutasi.pdf","mediaType":"application/pdf",
              "sizeBytes":184320}]}]""";

    static final String OFFICERS = """
            [{"id":"e2d4c6a8-1b3f-4d5e-8a7c-9b0e1f2a3c4d","email":"verifikator1@kapuaskab.go.id","fullName":"Siti Rahmawati",
              "role":"VERIFIER","status":"ACTIVE","language":"id","institutionIds":["c4a1f7e2-8b3d-4f6a-a2c9-1e5d7b9f0a34"]},
             {"id":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","email":"admin@kapuaskab.go.id","fullName":"Andi Pratama",
              "role":"ADMIN","status":"ACTIVE","language":"id","institutionIds":[]}]""";

    private ApplicantExamples() {
    }
}
