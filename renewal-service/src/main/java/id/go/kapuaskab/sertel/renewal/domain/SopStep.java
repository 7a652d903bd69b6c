package id.go.kapuaskab.sertel.renewal.domain;

import java.time.Duration;

/**
 * The numbered steps of SOP "Pembaruan Sertifikat Elektronik" (B.000.8.3.3/149/Diskominfosantik.2026) with their
 * names as the SOP gives them and their standard times (mutu baku).
 */
public enum SopStep {
    REMINDER(1, "Menerima notifikasi melalui e-mail bahwa sertifikat elektronik akan habis masa berlakunya",
            "Receive the e-mail notification that the certificate is about to expire", Duration.ofMinutes(2)),
    LOGIN(2, "Masuk ke dalam aplikasi", "Log in to the certificate management application", Duration.ofMinutes(5)),
    DATA_CONFIRMED(3, "Memeriksa data yang tersimpan adalah data yang benar dan tidak terdapat perubahan (Sesuai)",
            "Check that the stored data is correct and unchanged (\"Sesuai\")", Duration.ofMinutes(3)),
    DATA_CHANGED(4, "Melakukan perubahan data", "Change the data", Duration.ofMinutes(15)),
    REQUEST_CREATED(5, "Melakukan permohonan penerbitan sertifikat elektronik", "Request issuance of a new certificate",
            Duration.ofMinutes(10)),
    SUBMITTED(6, "Mengajukan permohonan", "Submit the request", Duration.ofSeconds(18)),
    VERIFIED(7, "Memeriksa kesesuaian data pemohon dan memverifikasi ulang dengan menghubungi instansi pemohon",
            "Check the applicant's data and re-verify by contacting the applicant's institution", Duration.ofMinutes(8)),
    APPROVED(8, "Menyetujui permohonan pembaruan sertifikat elektronik", "Approve the renewal", Duration.ofMinutes(3));

    private final int number;
    private final String nameId;
    private final String nameEn;
    private final Duration standard;

    SopStep(int number, String nameId, String nameEn, Duration standard) {
        this.number = number;
        this.nameId = nameId;
        this.nameEn = nameEn;
        this.standard = standard;
    }

    public int number() {
        return number;
    }

    public String nameId() {
        return nameId;
    }

    public String nameEn() {
        return nameEn;
    }

    public Duration standard() {
        return standard;
    }

    public static SopStep of(int number) {
        for (SopStep s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        throw new IllegalArgumentException("No SOP step " + number);
    }
}
