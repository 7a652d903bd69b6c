package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.domain.SubjectSnapshot;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The rules for the passphrase of a server-generated key: long enough, and free of what anyone who knows the holder
 * would try first (the NIK, the name or a part of it). The passphrase never appears in an error or a log.
 */
public final class PassphraseRules {

    private static final int MIN_NAME_PART = 3;

    private final int minLength;

    public PassphraseRules(int minLength) {
        this.minLength = minLength;
    }

    public void check(String passphrase, SubjectSnapshot subject) {
        if (passphrase == null || passphrase.codePointCount(0, passphrase.length()) < minLength) {
            throw DomainException.invalid("keygen.passphrase-too-short", minLength);
        }
        String digits = passphrase.replaceAll("\\D", "");
        if (subject.nik() != null && subject.nik().length() >= 6 && (passphrase.contains(subject.nik()) || digits.contains(subject.nik()))) {
            throw DomainException.invalid("keygen.passphrase-personal-data");
        }
        String letters = fold(passphrase);
        String name = subject.commonName() == null ? "" : subject.commonName();
        if (!fold(name).isEmpty() && letters.contains(fold(name))) {
            throw DomainException.invalid("keygen.passphrase-personal-data");
        }
        for (String part : name.split("[\\s.,'-]+")) {
            String p = fold(part);
            if (p.length() >= MIN_NAME_PART && letters.contains(p)) {
                throw DomainException.invalid("keygen.passphrase-personal-data");
            }
        }
    }

    /** Lower case, accents removed, letters only: "Budi-Santoso" and "budisantoso" compare equal. */
    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }
}
