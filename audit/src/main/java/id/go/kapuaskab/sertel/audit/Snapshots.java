package id.go.kapuaskab.sertel.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;

/**
 * Long reads of a trail (a verification, an export) in one read-only REPEATABLE READ snapshot of their own, outside
 * any JTA transaction: heads, checkpoints and records then come from the same moment even while the service keeps
 * appending (two READ COMMITTED statements would see a head that moved and report it as set back), and a trail that
 * takes minutes to stream is not cut off by the transaction timeout.
 */
final class Snapshots {

    /** Work on a connection in a snapshot. */
    @FunctionalInterface
    interface Read<T> {
        T on(Connection c) throws Exception;
    }

    private Snapshots() {
    }

    static <T> T read(AgroalDataSource db, Read<T> work) {
        return QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                try {
                    T result = work.on(c);
                    c.commit();
                    return result;
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setReadOnly(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    c.setAutoCommit(true);
                }
            }
        });
    }
}
