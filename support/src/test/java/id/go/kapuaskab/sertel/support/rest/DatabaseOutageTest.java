package id.go.kapuaskab.sertel.support.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aRefusedOrBrokenConnectionIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLTransientConnectionException("acquisition timeout"))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingIsAnOutage() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            assertThat(DatabaseOutage.isCause(new SQLException("terminating connection", state))).as(state).isTrue();
        }
    }

    @Test
    void theCauseIsFoundUnderTheWrappersOfTransactionsAndPersistence() {
        Exception wrapped = new IllegalStateException("commit failed",
                new RuntimeException("could not execute statement", new SQLException("broken", "08003")));
        assertThat(DatabaseOutage.isCause(wrapped)).isTrue();
    }

    @Test
    void aFailureOfTheServiceItselfIsNot() {
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
    }
}
