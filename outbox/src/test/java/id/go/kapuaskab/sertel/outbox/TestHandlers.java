package id.go.kapuaskab.sertel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Handlers whose behaviour the payload decides: {@code ok}; {@code fail:N} (fails the first N attempts);
 * {@code refuse} (DEAD at once); {@code slow:MILLIS}. Every attempt and every settled outcome is recorded.
 */
final class TestHandlers {

    static final List<String> HANDLED = new CopyOnWriteArrayList<>();
    static final Map<String, Outcome.Kind> SETTLED = new ConcurrentHashMap<>();

    private TestHandlers() {
    }

    static void reset() {
        HANDLED.clear();
        SETTLED.clear();
    }

    abstract static class Base implements OutboxHandler {
        @Override
        public Outcome handle(OutboxItem item) {
            HANDLED.add(item.reference() + "#" + item.attempt());
            String p = item.payload();
            if (p.startsWith("fail:") && item.attempt() <= Integer.parseInt(p.substring(5))) {
                throw new IllegalStateException("peer unreachable");
            }
            if (p.equals("refuse")) {
                return Outcome.dead("400", "refused for good");
            }
            if (p.startsWith("slow:")) {
                try {
                    Thread.sleep(Long.parseLong(p.substring(5)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Outcome.done(item.reference());
        }

        @Override
        public void settle(OutboxItem item, Outcome outcome) {
            SETTLED.put(item.reference(), outcome.kind());
        }
    }

    @ApplicationScoped
    static class Plain extends Base {
        @Override
        public String topic() {
            return "test.plain";
        }
    }

    @ApplicationScoped
    static class Limited extends Base {
        @Override
        public String topic() {
            return "test.limited";
        }
    }
}
