package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the {@code data} of an integration event may hold: ids and states, as a flat object of at most 32 members
 * whose values are strings (at most 200 characters), numbers, booleans or null. A value that looks like a NIK, NIP
 * or phone number (10 or more digits, alone or with {@code + - .} and spaces) is refused: personal data never leaves
 * sertel in a webhook.
 */
final class EventData {

    private static final int MAX_MEMBERS = 32;
    private static final int MAX_STRING = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+]?[0-9][0-9 .\\-]*");

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
                if (looksPersonal(s)) {
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

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
