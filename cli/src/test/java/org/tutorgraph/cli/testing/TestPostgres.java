package org.tutorgraph.cli.testing;

import org.junit.jupiter.api.Assumptions;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The PostgreSQL server of the CLI tests, as in the store's own tests: {@code TUTORGRAPH_TEST_PG_URL} names it
 * ({@code . .ci/pg-start} starts a throwaway one), credentials come from {@code TUTORGRAPH_PG_USER} /
 * {@code TUTORGRAPH_PG_PASSWORD}. Without it the calling test is skipped, unless {@code CI=true} or
 * {@code TUTORGRAPH_REQUIRE_PG=1}, where it fails. Each test gets a schema of its own, dropped afterwards.
 */
public final class TestPostgres {

    public static final String URL_ENV = "TUTORGRAPH_TEST_PG_URL";

    private TestPostgres() {
    }

    /** The server's URL; skips (or, where PostgreSQL is required, fails) the calling test when none is configured. */
    public static String url() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) return url.trim();
        String why = "PostgreSQL tests skipped: " + URL_ENV + " is not set (start a throwaway server with `. .ci/pg-start`)";
        if ("true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("TUTORGRAPH_REQUIRE_PG"))) {
            fail(why.replace("skipped", "required (CI=true or TUTORGRAPH_REQUIRE_PG=1) but cannot run"));
        }
        Assumptions.abort(why);
        return null;
    }

    /** A fresh schema; returns the store URL that works in it. */
    public static String freshStore() throws SQLException {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String schema = "tg_test_" + HexFormat.of().formatHex(random);
        try (Connection c = connect(url()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema); // a generated identifier: DDL takes no parameters
        }
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema of a store URL made by {@link #freshStore}. */
    public static void drop(String storeUrl) throws SQLException {
        String schema = storeUrl.substring(storeUrl.indexOf("currentSchema=") + "currentSchema=".length());
        if (!schema.matches("tg_test_[0-9a-f]{12}")) throw new IllegalArgumentException("not a test schema: " + schema);
        try (Connection c = connect(url()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        String user = System.getenv("TUTORGRAPH_PG_USER");
        String password = System.getenv("TUTORGRAPH_PG_PASSWORD");
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return new org.postgresql.Driver().connect(url, p);
    }
}
