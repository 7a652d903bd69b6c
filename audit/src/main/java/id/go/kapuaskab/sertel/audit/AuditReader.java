package id.go.kapuaskab.sertel.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.go.kapuaskab.sertel.support.pii.Pii;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The trail as auditors read it, and only auditors ({@code AUDITOR}): a page of records, every matching record
 * streamed (the export), the checkpoints, the verification. Personal numbers are masked once more on the way out,
 * whatever a record holds.
 */
@ApplicationScoped
public class AuditReader {

    /** A page of records and the cursor of the next ({@code null} at the end). */
    public record Page(List<AuditRecord> items, Long next) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_LIMIT = 1000;

    private final AgroalDataSource db;
    private final AuditConfig config;
    private final Checkpoints checkpoints;
    private final AuditVerifier verifier;

    AuditReader(AgroalDataSource db, AuditConfig config, Checkpoints checkpoints, AuditVerifier verifier) {
        this.db = db;
        this.config = config;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
    }

    public Page page(Caller caller, AuditFilter filter, Long after, Integer limit) {
        require(caller);
        int size = limit == null ? config.pageLimit() : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("audit.invalid-limit", MAX_LIMIT);
        }
        List<AuditRecord> items = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = db.getConnection()) {
                AuditReads.select(c, filter, after == null ? 0 : after, size + 1, r -> items.add(masked(r)));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the audit trail", e);
            }
        });
        Long next = null;
        if (items.size() > size) {
            items.remove(size);
            next = items.get(size - 1).id();
        }
        return new Page(items, next);
    }

    /** Every matching record, in id order, handed to {@code sink} as it is read (for a streamed export). */
    public void export(Caller caller, AuditFilter filter, RecordSink sink) {
        require(caller);
        Snapshots.read(db, c -> {
            AuditReads.select(c, filter, 0, 0, r -> sink.accept(masked(r)));
            return null;
        });    }

    public List<Checkpoint> checkpoints(Caller caller, Long before, Integer limit) {
        require(caller);
        int size = limit == null ? config.pageLimit() : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw DomainException.invalid("audit.invalid-limit", MAX_LIMIT);
        }
        return checkpoints.page(before, size);
    }

    public AuditSigner signer(Caller caller) {
        require(caller);
        return checkpoints.signer();
    }

    public VerificationReport verify(Caller caller, List<AuditVerifier.Supplied> supplied) {
        require(caller);
        return verifier.verify(supplied);
    }

    public String trail() {
        return checkpoints.trail();
    }

    /** Fails with 403 unless the caller is an auditor. */
    public void authorise(Caller caller) {
        require(caller);
    }

    private static void require(Caller caller) {
        if (caller == null || !caller.is(Caller.AUDITOR)) {
            throw DomainException.forbidden("forbidden");
        }
    }

    /** The record with personal numbers in its detail masked; unchanged (byte for byte) when there were none. */
    static AuditRecord masked(AuditRecord r) {
        if (r.detail() == null) {
            return r;
        }
        try {
            JsonNode tree = JSON.readTree(r.detail());
            if (!mask(tree, false)) {
                return r;
            }
            return new AuditRecord(r.id(), r.lane(), r.seq(), r.occurredAt(), r.actor(), r.actorRole(), r.action(), r.outcome(),
                    r.subject(), r.reference(), r.requestId(), JSON.writeValueAsString(tree), r.prevHash(), r.hash());
        } catch (JsonProcessingException e) {
            return r;
        }
    }

    /** Masks every text under a personal key, however deep; true when something changed. */
    private static boolean mask(JsonNode node, boolean personal) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                boolean under = personal || AuditEntry.PERSONAL.matcher(e.getKey()).matches();
                if (e.getValue().isTextual()) {
                    String masked = under ? Pii.mask(e.getValue().asText()) : e.getValue().asText();
                    if (!masked.equals(e.getValue().asText())) {
                        e.setValue(object.textNode(masked));
                        changed = true;
                    }
                } else {
                    changed |= mask(e.getValue(), under);
                }
            }
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual() && personal) {
                    String masked = Pii.mask(child.asText());
                    if (!masked.equals(child.asText())) {
                        array.set(i, array.textNode(masked));
                        changed = true;
                    }
                } else {
                    changed |= mask(child, personal);
                }
            }
        }
        return changed;
    }
}
