package org.tutorgraph.learner;

import org.junit.jupiter.api.Assumptions;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The PostgreSQL server the tests run against: {@value #URL_ENV} names it, credentials come from the environment as
 * for the program ({@code TUTORGRAPH_PG_USER}/{@code TUTORGRAPH_PG_PASSWORD}). {@code .ci/pg-start} starts one.
 * Without it the tests are skipped, unless {@code CI=true} or {@code TUTORGRAPH_REQUIRE_PG=1}, where they fail.
 * Each test works in a schema of its own, dropped afterwards.
 */
final class PostgresTestServer {

    static final String URL_ENV = "TUTORGRAPH_TEST_PG_URL";

    private PostgresTestServer() {
    }

    /** The server's URL; skips (or, where PostgreSQL is required, fails) the calling test when none is configured. */
    static String url() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) return url.trim();
        String why = "PostgreSQL tests skipped: " + URL_ENV + " is not set (start a throwaway server with `. .ci/pg-start`)";
        if (required()) fail(why.replace("skipped", "required (CI=true or TUTORGRAPH_REQUIRE_PG=1) but cannot run"));
        Assumptions.abort(why);
        return null;
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("TUTORGRAPH_REQUIRE_PG"));
    }

    static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        String user = System.getenv("TUTORGRAPH_PG_USER");
        String password = System.getenv("TUTORGRAPH_PG_PASSWORD");
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return new org.postgresql.Driver().connect(url, p);
    }

    /** Creates an empty schema with a random name and returns it. */
    static String createSchema() throws SQLException {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String schema = "tg_test_" + HexFormat.of().formatHex(random);
        try (Connection c = connect(url()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema); // a generated identifier: DDL takes no parameters
        }
        return schema;
    }

    static void dropSchema(String schema) throws SQLException {
        try (Connection c = connect(url()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** The server URL with {@code currentSchema} set to {@code schema}. */
    static String urlFor(String schema) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
