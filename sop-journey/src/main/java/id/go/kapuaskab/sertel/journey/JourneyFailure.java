package id.go.kapuaskab.sertel.journey;

/**
 * The system did something the SOP does not expect: a wrong status, content type or field, a mail that never came,
 * an openssl verdict that is not the expected one. The message says what was sent, what came back and what was
 * expected, so a failed acceptance test or demo run explains itself without a debugger.
 */
public final class JourneyFailure extends RuntimeException {

    public JourneyFailure(String message) {
        super(message);
    }

    public JourneyFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
