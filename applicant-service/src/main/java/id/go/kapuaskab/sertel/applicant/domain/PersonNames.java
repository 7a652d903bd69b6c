package id.go.kapuaskab.sertel.applicant.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Full names as they go into a certificate's CN: trimmed, Unicode NFC, runs of white space reduced to one
 * space, and without academic or professional titles (the certificate names the person, not the degree).
 * <p>
 * Allowed characters: letters of any script with their combining marks, space, apostrophe ({@code '} or
 * {@code ’}), hyphen and period (for initials such as {@code M. Rizki}). A comma is refused, since in Indonesian
 * usage it only ever introduces degrees ({@code Budi, S.Kom.}).
 * <p>
 * Recognised titles, compared without case and periods:
 * <ul>
 *   <li>before the name (first words): Prof, Dr, Drs, Dra, Ir, dr (medical), drg, Hon, Mr/Mrs/Ms/Miss are not
 *   academic and stay allowed;</li>
 *   <li>after the first word (degrees follow the name, and {@code M.H. Thamrin} is a name), when written with a period ({@code S.Kom}, {@code M.T.}) — Indonesian degrees: A.Md and
 *   A.Md.* (diploma), S.* and M.* (S.Kom, S.T, S.Si, S.H, S.E, S.Pd, S.Sos, S.IP, S.STP, S.AP, S.Ag, S.Psi,
 *   S.Farm, S.Ked, S.KM, S.Kep, S.Tr.*, M.T, M.Si, M.H, M.M, M.Pd, M.Kom, M.Kes, M.AP, M.Sc, M.A, M.Eng,
 *   M.B.A, …), Sp.* (medical specialists) and Ph.D, B.Sc, B.A, B.Eng, D.Sc;</li>
 *   <li>after the first word, with or without periods: PhD, MSc, BSc, MBA, MEng, BEng, DSc, MPhil, DPhil, SKom, SKM,
 *   MKes, MPd, SPd, SSos, SSTP, SE, SH, ST, MT, MH, MM, MSi, SSi, MKom, AMd.</li>
 * </ul>
 * A bare initial such as {@code M.} or {@code S.} is a name, not a degree.
 */
public final class PersonNames {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.\\-]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> PREFIX_TITLES = Set.of("prof", "dr", "drs", "dra", "ir", "drg", "hon");
    /** Degrees written as one word (compared after removing periods, lower case). */
    private static final Set<String> WORD_DEGREES = Set.of("phd", "msc", "bsc", "mba", "meng", "beng", "dsc", "mphil",
            "dphil", "skom", "skm", "mkes", "mpd", "spd", "ssos", "sstp", "se", "sh", "st", "mt", "mh", "mm", "msi", "ssi", "mkom", "amd");
    /** {@code S.Kom}, {@code M.T.}, {@code A.Md.Kom}, {@code Sp.PD}, {@code S.Tr.Kom}, {@code Ph.D.}, {@code B.Sc}. */
    private static final String FIELDS = "(?:Kom|IKom|T|Si|H|E|Pd|Sos|IP|STP|AP|Ag|Psi|Farm|Ked|KM|Kep|Keb|Kes|Tr|Hut|Pt|P|Pi"
            + "|M|Sc|A|Ak|Gz|Hum|Kn|Ds|Sn|Th|Li|Stat|Mat|Ars|PWK|Ling|Eng|B|BA|D|PD|OG|An|Rad|KK|S|Mat)";
    private static final Pattern DOTTED_DEGREE = Pattern.compile(
            "(?i)(?:(?:[SMD]|A\\.Md|Sp|Ph|B)\\." + FIELDS + "(?:\\." + FIELDS + ")*\\.?|A\\.Md\\.?)");

    private PersonNames() {
    }

    /** Trimmed, NFC, single spaces; {@code null} stays {@code null}. */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFC).strip()).replaceAll(" ");
    }

    /** The field-error code of a normalised name that may not be used, or empty. */
    public static Optional<String> problem(String normalized) {
        if (normalized == null || normalized.isEmpty()) {
            return Optional.of("name.blank");
        }
        if (normalized.indexOf(',') >= 0) {
            return Optional.of("name.title");
        }
        if (!ALLOWED.matcher(normalized).matches()) {
            return Optional.of("name.characters");
        }
        String[] words = normalized.split(" ");
        if (PREFIX_TITLES.contains(bare(words[0]))) {
            return Optional.of("name.title");
        }
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            if (WORD_DEGREES.contains(bare(word)) || DOTTED_DEGREE.matcher(word).matches()) {
                return Optional.of("name.title");
            }
        }
        return Optional.empty();
    }

    private static String bare(String word) {
        return word.replace(".", "").toLowerCase(Locale.ROOT);
    }
}
