package id.go.kapuaskab.sertel.journey;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * A made-up civil servant whose numbers pass applicant-service's rules: NIK of 16 digits with the birth date DDMMYY
 * in digits 7–12 (40 added to the day for women) and a serial that is not 0000; NIP of 18 digits with the birth date
 * YYYYMMDD, the appointment YYYYMM (at 15 or later, not in the future), the gender digit 1/2 and a serial that is not
 * 000, consistent with the NIK. Random birth dates and serials make the numbers (which must be unique) new each run.
 */
public record Person(String fullName, String email, boolean female, LocalDate birthDate, String nik, String nip, String phone) {

    /** Kapuas regency (62 03) and a district of it: the first six digits of a NIK from there. */
    static final String REGION = "620301";

    public static Person fresh(Random random, String fullName, boolean female, String domain, LocalDate today) {
        LocalDate birth = today.minusYears(25).minusDays(random.nextInt(30 * 365));
        YearMonth appointed = YearMonth.from(birth.plusYears(23 + random.nextInt(5)));
        if (appointed.isAfter(YearMonth.from(today))) {
            appointed = YearMonth.from(today);
        }
        String email = fullName.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + domain;
        String phone = String.format(Locale.ROOT, "0812-%04d-%04d", random.nextInt(10_000), 1 + random.nextInt(9_999));
        return new Person(fullName, email, female, birth, nik(birth, female, 1 + random.nextInt(9_999)),
                nip(birth, appointed, female, 1 + random.nextInt(999)), phone);
    }

    static String nik(LocalDate birth, boolean female, int serial) {
        int day = birth.getDayOfMonth() + (female ? 40 : 0);
        return REGION + String.format(Locale.ROOT, "%02d%02d%02d%04d", day, birth.getMonthValue(), birth.getYear() % 100, serial);
    }

    static String nip(LocalDate birth, YearMonth appointed, boolean female, int serial) {
        return birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format(Locale.ROOT, "%04d%02d%c%03d",
                appointed.getYear(), appointed.getMonthValue(), female ? '2' : '1', serial);
    }

    /** NIK and NIP shown as the services show them in logs: all but the last four digits masked. */
    public String maskedNik() {
        return "************" + nik.substring(12);
    }
}
