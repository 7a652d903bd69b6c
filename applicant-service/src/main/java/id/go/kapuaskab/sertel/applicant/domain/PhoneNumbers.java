package id.go.kapuaskab.sertel.applicant.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Indonesian phone numbers, stored in E.164 ({@code +62…}). Accepted input: {@code 0812…}, {@code 62812…} or
 * {@code +62812…}, with spaces, hyphens, periods or parentheses between digits; the national number has
 * 8 to 12 digits and does not start with 0 or 1.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern NATIONAL = Pattern.compile("[2-9][0-9]{7,11}");

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the input is not an Indonesian number. */
    public static Optional<String> normalize(String input) {
        if (input == null || input.length() > 32) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(input.strip()).replaceAll("");
        String national;
        if (digits.startsWith("+62")) {
            national = digits.substring(3);
        } else if (digits.startsWith("62")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        return NATIONAL.matcher(national).matches() ? Optional.of("+62" + national) : Optional.empty();
    }
}
