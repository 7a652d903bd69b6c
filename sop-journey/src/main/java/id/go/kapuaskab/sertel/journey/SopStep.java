package id.go.kapuaskab.sertel.journey;

import java.time.Duration;

/**
 * The steps of SOP "Pembaruan Sertifikat Elektronik" (B.000.8.3.3/149/Diskominfosantik.2026) with the Indonesian
 * activity names as renewal-service reports them in its timeline and the standard times (mutu baku). The journey
 * narrates with these names before the timeline exists, and checks at the end that the timeline uses the same names
 * and standards, so the two cannot drift apart unnoticed.
 */
public enum SopStep {
    REMINDER(1, "Menerima notifikasi melalui e-mail bahwa sertifikat elektronik akan habis masa berlakunya", "pemohon", Duration.ofMinutes(2)),
    LOGIN(2, "Masuk ke dalam aplikasi", "pemohon", Duration.ofMinutes(5)),
    DATA_CONFIRMED(3, "Memeriksa data yang tersimpan adalah data yang benar dan tidak terdapat perubahan (Sesuai)", "pemohon",
            Duration.ofMinutes(3)),
    DATA_CHANGED(4, "Melakukan perubahan data", "pemohon", Duration.ofMinutes(15)),
    REQUEST_CREATED(5, "Melakukan permohonan penerbitan sertifikat elektronik", "pemohon", Duration.ofMinutes(10)),
    SUBMITTED(6, "Mengajukan permohonan", "pemohon", Duration.ofSeconds(18)),
    VERIFIED(7, "Memeriksa kesesuaian data pemohon dan memverifikasi ulang dengan menghubungi instansi pemohon", "verifikator",
            Duration.ofMinutes(8)),
    APPROVED(8, "Menyetujui permohonan pembaruan sertifikat elektronik", "verifikator", Duration.ofMinutes(3)),
    DONE(9, "Selesai", "", Duration.ZERO);

    private final int number;
    private final String nameId;
    private final String actor;
    private final Duration standard;

    SopStep(int number, String nameId, String actor, Duration standard) {
        this.number = number;
        this.nameId = nameId;
        this.actor = actor;
        this.standard = standard;
    }

    public int number() {
        return number;
    }

    public String nameId() {
        return nameId;
    }

    /** Who acts in the SOP: pemohon (applicant) or verifikator. */
    public String actor() {
        return actor;
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
        throw new IllegalArgumentException("no SOP step " + number);
    }
}
