package id.go.kapuaskab.sertel.journey;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Everything one run makes up, new each time so the journey can run twice in a row on the same stack: a tag that
 * names its institution (code, name, e-mail domain), two verifiers, one applicant with plausible NIK and NIP, the
 * passwords they choose and the passphrase of the server-generated key.
 */
public record RunData(String tag, String institutionCode, String institutionName, String domain,
                      String unitBefore, String unitAfter, String positionBefore, String positionAfter,
                      Person verifierA, Person verifierB, Person applicant, String password, String passphrase) {

    private static final String TAG_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final List<String> WOMEN = List.of("Rina Marlina", "Dewi Anggraini", "Nurul Hidayah", "Sri Wahyuni", "Maria Ulfah");
    private static final List<String> MEN = List.of("Ahmad Fauzi", "Yohanes Laden", "Rudi Hartono", "Eko Prasetyo", "Bambang Irawan");

    public static RunData fresh() {
        return fresh(new SecureRandom(), LocalDate.now(ZoneId.of("Asia/Jakarta")));
    }

    static RunData fresh(Random random, LocalDate today) {
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append(TAG_CHARS.charAt(random.nextInt(TAG_CHARS.length())));
        }
        String t = tag.toString();
        String domain = "bkpsdm-" + t.toLowerCase(Locale.ROOT) + ".kapuaskab.go.id";
        String officeDomain = "persandian-" + t.toLowerCase(Locale.ROOT) + ".kapuaskab.go.id";
        boolean female = random.nextBoolean();
        String applicantName = (female ? WOMEN : MEN).get(random.nextInt(5));
        return new RunData(t, "SOP" + t, "BKPSDM Kabupaten Kapuas (uji " + t + ")", domain,
                "Bidang Mutasi dan Promosi", "Bidang Pengembangan Kompetensi",
                "Analis Kepegawaian Ahli Pertama", "Analis Kepegawaian Ahli Muda",
                Person.fresh(random, "Siti Rahmawati", true, officeDomain, today),
                Person.fresh(random, "Agus Setiawan", false, officeDomain, today),
                Person.fresh(random, applicantName, female, domain, today),
                secret(random, "sandi-"), secret(random, "kopi-pagi-"));
    }

    private static String secret(Random random, String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        for (int i = 0; i < 14; i++) {
            s.append(TAG_CHARS.toLowerCase(Locale.ROOT).charAt(random.nextInt(TAG_CHARS.length())));
        }
        return s.toString();
    }
}
