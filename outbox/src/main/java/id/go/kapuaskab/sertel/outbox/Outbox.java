package id.go.kapuaskab.sertel.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * What services use: write work into the outbox in the transaction of the state change that causes it (so both
 * commit or neither does), and look at it afterwards. Delivery is the {@link OutboxEngine}'s business.
 */
@ApplicationScoped
public class Outbox {

    /** An item as an operator sees it. */
    public record ItemView(UUID id, String topic, String status, int attempts, String lastError, Instant lastAttemptAt,
                           Instant nextAttemptAt, Instant createdAt, Instant finishedAt) {
    }

    /** One recorded attempt: outcome DONE, RETRY, DEAD or ABANDONED (the worker died or lost its lease). */
    public record Attempt(int number, String worker, Instant startedAt, Instant finishedAt, String outcome, String code,
                          String detail) {
    }

    /** Work to enqueue; build with {@link Outbox#item}. */
    public static final class Item {
        private final String topic;
        private UUID id = UUID.randomUUID();
        private String orderingKey;
        private String reference;
        private String payload;
        private Instant notBefore;

        private Item(String topic) {
            this.topic = Objects.requireNonNull(topic);
        }

        /** The item's id; enqueueing the same id twice writes it once. Default: random. */
        public Item id(UUID value) {
            this.id = value;
            return this;
        }

        /** Items with the same key are delivered one at a time, in the order they were written. */
        public Item orderedBy(String key) {
            this.orderingKey = key;
            return this;
        }

        /** What the work is about, for {@link Outbox#items} and {@link Outbox#retryNow}. */
        public Item about(String value) {
            this.reference = value;
            return this;
        }

        public Item payload(String value) {
            this.payload = value;
            return this;
        }

        /** Not to be delivered before this moment. */
        public Item notBefore(Instant value) {
            this.notBefore = value;
            return this;
        }

        public UUID id() {
            return id;
        }
    }

    private static final Object WAKE_KEY = new Object();

    private final OutboxStore store;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;
    private final Clock clock;
    private final OutboxTracing tracing;

    Outbox(OutboxStore store, TransactionSynchronizationRegistry transactions, OutboxSignal signal, Clock clock, OutboxTracing tracing) {
        this.store = store;
        this.tracing = tracing;
        this.transactions = transactions;
        this.signal = signal;
        this.clock = clock;
    }

    public static Item item(String topic) {
        return new Item(topic);
    }

    /**
     * Writes the item in the caller's transaction, which must exist; this replica's workers are woken when it
     * commits. The request id and trace context of the moment are stored with it and resumed when it is delivered. Returns false when an item with this id was written before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(Item item) {
        boolean written = store.insert(columns(item));
        wakeAfterCommit();
        return written;
    }

    /**
     * The enqueue as part of a statement of the caller's, in the caller's transaction, which must exist: its
     * {@link Staged#members} go into the statement's WITH clause and write the item only when the statement's member
     * {@code guard} returns a row, its {@link Staged#result} into the statement's final SELECT, read back with
     * {@link Staged#written}. This replica's workers are woken when the transaction commits. One staged item per
     * statement (its member has a fixed name).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Staged stage(Item item, String guard) {
        Staged staged = new Staged(columns(item), guard);
        wakeAfterCommit();
        return staged;
    }

    /** An item to be written by a statement of the caller's ({@link #stage}). */
    public static final class Staged {
        private final OutboxStore.NewItem item;
        private final String guard;

        private Staged(OutboxStore.NewItem item, String guard) {
            this.item = item;
            this.guard = guard;
        }

        /** The member of the statement's WITH clause, after {@code guard}'s. */
        public String members() {
            return OutboxStore.insertMember(guard);
        }

        /** Binds the member's parameters from {@code index}; returns the next free index. */
        public int bind(PreparedStatement s, int index) throws SQLException {
            return item.bind(s, index);
        }

        /** An expression for the statement's final SELECT: how many items were written, 0 or 1. */
        public String result() {
            return "(SELECT count(*) FROM outbox_written)";
        }

        /** Whether the item was written, read from {@link #result}'s column once the statement ran. */
        public boolean written(ResultSet rs, int column) throws SQLException {
            return rs.getInt(column) == 1;
        }
    }

    private OutboxStore.NewItem columns(Item item) {
        Instant now = clock.instant();
        Instant due = item.notBefore == null || item.notBefore.isBefore(now) ? now : item.notBefore;
        Object requestId = MDC.get("requestId");
        return new OutboxStore.NewItem(item.id, item.topic, item.orderingKey, item.reference, item.payload, due, tracing.current(),
                requestId == null ? null : requestId.toString(), now);
    }

    /** The items written about a reference, oldest first. */
    @Transactional
    public List<ItemView> items(String reference) {
        return store.items(reference);
    }

    /** Every attempt of these items, oldest first per item. */
    @Transactional
    public Map<UUID, List<Attempt>> attempts(Collection<UUID> itemIds) {
        return store.attempts(itemIds);
    }

    /** Makes a reference's waiting or DEAD items of these topics due now (an operator's retry); how many there were. */
    @Transactional
    public int retryNow(String reference, Set<String> topics) {
        int n = store.retryNow(reference, topics, clock.instant());
        if (n > 0) {
            wakeAfterCommit();
        }
        return n;
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.wake();
                }
            }
        });
    }
}
