package id.go.kapuaskab.sertel.support.web;

import id.go.kapuaskab.sertel.support.text.UnsafeText;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks the text of a request's path and query parameters as the endpoint will see it, after percent-decoding: a
 * {@code %00} in {@code ?q=} reached PostgreSQL and failed there with a 500. Refused are control characters (no
 * parameter has lines), lone surrogates, malformed percent escapes and bytes that are not UTF-8. The answer names the
 * parameter, or {@code path}.
 */
final class ParameterText {

    /** Why a parameter was refused: the field to name and the {@code fieldErrors} code. */
    record Refusal(String field, String code) {
    }

    private ParameterText() {
    }

    static Optional<Refusal> check(String rawPath, String rawQuery) {
        if (rawPath != null) {
            Optional<Refusal> path = value("path", rawPath, false);
            if (path.isPresent()) {
                return path;
            }
        }
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> name = decode(rawName, true);
            String field = name.filter(n -> !UnsafeText.inSingleLine(n) && n.length() <= 64).orElse("query");
            if (name.isEmpty()) {
                return Optional.of(new Refusal(field, "invalid-encoding"));
            }
            if (UnsafeText.inSingleLine(name.get())) {
                return Optional.of(new Refusal(field, "control-character"));
            }
            if (eq >= 0) {
                Optional<Refusal> value = value(field, pair.substring(eq + 1), true);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> value(String field, String raw, boolean plusIsSpace) {
        Optional<String> decoded = decode(raw, plusIsSpace);
        if (decoded.isEmpty()) {
            return Optional.of(new Refusal(field, "invalid-encoding"));
        }
        return UnsafeText.inSingleLine(decoded.get()) ? Optional.of(new Refusal(field, "control-character")) : Optional.empty();
    }

    /** Strict percent-decoding of UTF-8; empty when an escape is malformed or the bytes are not UTF-8. */
    static Optional<String> decode(String raw, boolean plusIsSpace) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else if (c <= 0xff) {
                // the HTTP decoder hands the request line over byte for byte (ISO-8859-1)
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
