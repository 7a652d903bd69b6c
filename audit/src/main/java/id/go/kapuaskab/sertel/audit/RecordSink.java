package id.go.kapuaskab.sertel.audit;

/** Takes records one by one as they are read; may fail (an export writes each to the client as it comes). */
@FunctionalInterface
public interface RecordSink {
    void accept(AuditRecord record) throws Exception;
}
