package org.voluntree.app.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcOperations;

/** One real PostgreSQL server (embedded binaries, a local process) per test JVM. */
public final class TestPostgres {

    /** Set to true before the first {@link #server()} call to load {@code pg_stat_statements} (benchmarks). */
    public static final String STATEMENT_STATISTICS = "voluntree.test.postgres.statements";

    private static EmbeddedPostgres postgres;

    private TestPostgres() {}

    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                }
                postgres = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL for the tests", e);
            }
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException e) {
                                    // the JVM is going away
                                }
                            },
                            "test-postgres-stop"));
        }
        return postgres;
    }

    /**
     * Deletes every organisation and all that belongs to one. The app's own background work (the
     * writer, the scheduler's sweeps, a context another test class left cached) may hold row locks on
     * the same tables in another order: PostgreSQL then breaks the deadlock by failing one side, which
     * may be this TRUNCATE, so it is tried again a few times.
     */
    public static void deleteAllOrganisations(JdbcOperations jdbc) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.update("truncate organisations cascade");
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static String jdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }
}
