package org.tutorgraph.learner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tutorgraph.learner.jdbc.PostgresDialect;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract against a real PostgreSQL server ({@link PostgresTestServer}), plus what only PostgreSQL has. */
class PostgresLearnerStoreTest extends LearnerStoreContract {

    private final List<String> schemas = new ArrayList<>();

    @BeforeEach
    void needsServer() {
        PostgresTestServer.url();
    }

    @AfterEach
    void dropSchemas() throws Exception {
        closeStores();
        for (String s : schemas) PostgresTestServer.dropSchema(s);
    }

    @Override
    String newLocation() throws Exception {
        String schema = PostgresTestServer.createSchema();
        schemas.add(schema);
        return PostgresTestServer.urlFor(schema);
    }

    @Override
    void executeDirectly(String location, String sql) throws Exception {
        try (Connection c = PostgresTestServer.connect(location); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Map<String, String> envWith(String key, String value) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(key, value);
        return env;
    }

    @Test
    void reportsAWrongPasswordWithoutShowingIt() throws Exception {
        String location = freshLocation();
        String wrong = "Wr0ng-pa55word-" + System.nanoTime();
        assertThatThrownBy(() -> LearnerStores.open(location, envWith(PostgresDialect.ENV_PASSWORD, wrong)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refused the password of user")
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(System.getenv(PostgresDialect.ENV_PASSWORD));
    }

    @Test
    void reportsAMissingDatabase() {
        String url = PostgresTestServer.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_db_tg$1");
        assertThatThrownBy(() -> LearnerStores.open(url)).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void reportsASchemaThatDoesNotExist() {
        assertThatThrownBy(() -> LearnerStores.open(PostgresTestServer.urlFor("tg_no_such_schema")))
                .isInstanceOf(StoreException.class).hasMessageContaining("no schema to keep the tables in");
    }

    @Test
    void describesItselfWithoutCredentials() throws Exception {
        LearnerStore store = open(freshLocation());
        assertThat(store.describe()).startsWith("postgresql://127.0.0.1:")
                .contains("as " + System.getenv(PostgresDialect.ENV_USER))
                .doesNotContain(System.getenv(PostgresDialect.ENV_PASSWORD));
    }

    @Override
    long queryDirectly(String location, String sql) throws Exception {
        try (Connection c = PostgresTestServer.connect(location); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
