package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the {@code data} of an integration event may hold: ids and states, as a flat object of at most 32 members
 * whose values are strings (at most 200 characters), numbers, booleans or null. A value that looks like a NIK, NIP
 * or phone number (10 or more digits, alone or with {@code + - .} and spaces) is refused: personal data never leaves
 * sertel in a webhook. The identifiers the services themselves send are not numbers of a person even when they happen
 * to hold only digits: a UUID in its canonical form and a certificate's hex {@code serial} (about 3 in 10 million
 * random 127-bit serials have no letter; refusing one would leave its event dead in the sender's outbox).
 */
final class EventData {

    private static final int MAX_MEMBERS = 32;
    private static final int MAX_STRING = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+]?[0-9][0-9 .\\-]*");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A certificate serial as the CA writes it: hex of 20 or more digits (ours are 127 random bits), longer than a NIK or NIP. */
    private static final Pattern SERIAL = Pattern.compile("[0-9a-fA-F]{20,40}");

    private EventData() {
    }

    static void check(Map<String, Object> data) {
        if (data.size() > MAX_MEMBERS) {
            throw DomainException.invalid("integration-event.data-invalid", "data");
        }
        data.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw DomainException.invalid("integration-event.data-invalid", clip(name));
            }
            if (value instanceof String s) {
                if (s.length() > MAX_STRING) {
                    throw DomainException.invalid("integration-event.data-invalid", name);
                }
                if (looksPersonal(s) && !isIdentifier(name, s)) {
                    throw DomainException.invalid("integration-event.personal-data", name);
                }
            } else if (value instanceof Number n) {
                if (looksPersonal(n.toString())) {
                    throw DomainException.invalid("integration-event.personal-data", name);
                }
            } else if (value != null && !(value instanceof Boolean)) {
                throw DomainException.invalid("integration-event.data-invalid", name);
            }
        });
    }

    static boolean looksPersonal(String value) {
        String v = value.strip();
        return NUMBER_LIKE.matcher(v).matches() && v.chars().filter(Character::isDigit).count() >= 10;
    }

    static boolean isIdentifier(String name, String value) {
        return UUID.matcher(value).matches() || (name.equals("serial") && SERIAL.matcher(value).matches());
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
