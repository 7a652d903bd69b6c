package id.go.kapuaskab.sertel.applicant.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plausibility of the two personal numbers, each failure a field-error code (texts under {@code field.<code>}).
 * <ul>
 *   <li>NIK: 16 digits; digits 7–12 are the birth date DDMMYY with 40 added to the day for women; the
 *   century is the one that makes the person at least 15, and the person must be at most 100 years old;
 *   digits 13–16 (the serial) are not {@code 0000}. Region digits 1–6 are not checked against a list.</li>
 *   <li>NIP: 18 digits; 1–8 birth date YYYYMMDD, 9–14 appointment YYYYMM (at age 15 or later, not in the
 *   future), 15 gender ({@code 1} man, {@code 2} woman), 16–18 serial not {@code 000}.</li>
 *   <li>Both present: same birth date and same gender.</li>
 * </ul>
 */
public final class PersonalNumbers {

    private static final Pattern NIK = Pattern.compile("[0-9]{16}");
    private static final Pattern NIP = Pattern.compile("[0-9]{18}");
    private static final int MIN_AGE = 15;
    private static final int MAX_AGE = 100;

    private PersonalNumbers() {
    }

    /** What the NIK says about its holder. */
    public record NikFacts(int day, int month, int twoDigitYear, boolean female, LocalDate birthDate) {
    }

    /** What the NIP says about its holder. */
    public record NipFacts(LocalDate birthDate, YearMonth appointed, boolean female) {
    }

    /** The field-error code of an implausible NIK, or empty when it is plausible. */
    public static Optional<String> nikProblem(String nik, LocalDate today) {
        if (nik == null || !NIK.matcher(nik).matches()) {
            return Optional.of("nik.format");
        }
        if (nik.endsWith("0000")) {
            return Optional.of("nik.serial");
        }
        return nikFacts(nik, today).isPresent() ? Optional.empty() : Optional.of("nik.birth-date");
    }

    /** The facts of a well-formed NIK with a plausible birth date. */
    public static Optional<NikFacts> nikFacts(String nik, LocalDate today) {
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        boolean female = day > 40;
        int realDay = female ? day - 40 : day;
        int year = 2000 + yy <= today.getYear() - MIN_AGE ? 2000 + yy : 1900 + yy;
        try {
            LocalDate birth = LocalDate.of(year, month, realDay);
            return plausibleBirth(birth, today) ? Optional.of(new NikFacts(realDay, month, yy, female, birth)) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The field-error code of an implausible NIP, or empty when it is plausible. */
    public static Optional<String> nipProblem(String nip, LocalDate today) {
        if (nip == null || !NIP.matcher(nip).matches()) {
            return Optional.of("nip.format");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(nip.substring(0, 4)), Integer.parseInt(nip.substring(4, 6)),
                    Integer.parseInt(nip.substring(6, 8)));
        } catch (DateTimeException e) {
            return Optional.of("nip.birth-date");
        }
        if (!plausibleBirth(birth, today)) {
            return Optional.of("nip.birth-date");
        }
        int month = Integer.parseInt(nip.substring(12, 14));
        if (month < 1 || month > 12) {
            return Optional.of("nip.appointment");
        }
        YearMonth appointed = YearMonth.of(Integer.parseInt(nip.substring(8, 12)), month);
        if (appointed.isBefore(YearMonth.from(birth.plusYears(MIN_AGE))) || appointed.isAfter(YearMonth.from(today))) {
            return Optional.of("nip.appointment");
        }
        char gender = nip.charAt(14);
        if (gender != '1' && gender != '2') {
            return Optional.of("nip.gender");
        }
        if (nip.endsWith("000")) {
            return Optional.of("nip.serial");
        }
        return Optional.empty();
    }

    /** The facts of a NIP that passed {@link #nipProblem}. */
    public static NipFacts nipFacts(String nip) {
        LocalDate birth = LocalDate.of(Integer.parseInt(nip.substring(0, 4)), Integer.parseInt(nip.substring(4, 6)),
                Integer.parseInt(nip.substring(6, 8)));
        YearMonth appointed = YearMonth.of(Integer.parseInt(nip.substring(8, 12)), Integer.parseInt(nip.substring(12, 14)));
        return new NipFacts(birth, appointed, nip.charAt(14) == '2');
    }

    /**
     * The field-error code (on the NIP) when a plausible NIK and a plausible NIP describe different people:
     * another birth date (the NIK's two-digit year against the NIP's year) or another gender.
     */
    public static Optional<String> mismatch(String nik, String nip) {
        int day = Integer.parseInt(nik.substring(6, 8));
        boolean nikFemale = day > 40;
        int nikDay = nikFemale ? day - 40 : day;
        int nikMonth = Integer.parseInt(nik.substring(8, 10));
        int nikYy = Integer.parseInt(nik.substring(10, 12));
        NipFacts nipFacts = nipFacts(nip);
        LocalDate b = nipFacts.birthDate();
        if (b.getDayOfMonth() != nikDay || b.getMonthValue() != nikMonth || b.getYear() % 100 != nikYy) {
            return Optional.of("nip.birth-date-mismatch");
        }
        if (nipFacts.female() != nikFemale) {
            return Optional.of("nip.gender-mismatch");
        }
        return Optional.empty();
    }

    private static boolean plausibleBirth(LocalDate birth, LocalDate today) {
        return !birth.isAfter(today.minusYears(MIN_AGE)) && birth.isAfter(today.minusYears(MAX_AGE + 1));
    }
}
