package org.tutorgraph.learner;

import org.tutorgraph.learner.jdbc.JdbcLearnerStore;
import org.tutorgraph.learner.jdbc.PostgresDialect;
import org.tutorgraph.learner.jdbc.SqliteDialect;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the learner store a location names, so that nothing else in the program knows which kind it talks to.
 *
 * <p>A location is, in this order of precedence: the {@code --store} flag, the {@value #ENV_STORE} environment
 * variable, or the default file {@code $XDG_DATA_HOME/tutorgraph/learners.db} ({@code ~/.local/share/tutorgraph/}
 * when {@code XDG_DATA_HOME} is unset or not absolute, as the XDG base-directory spec says). Its forms:
 * <ul>
 *   <li>a file path (a leading {@code ~/} is the home directory; an existing directory means
 *       {@code DIR/learners.db}), or {@code jdbc:sqlite:PATH}: an SQLite store;</li>
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DATABASE[?currentSchema=S…]}: a PostgreSQL store, credentials from the
 *       environment ({@link PostgresDialect}).</li>
 * </ul>
 */
public final class LearnerStores {

    public static final String ENV_STORE = "TUTORGRAPH_STORE";
    public static final String FILE_NAME = "learners.db";

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    private LearnerStores() {
    }

    /** Opens (creating when needed) the store at {@code locationOrUrl}, or the default store when it is null or blank. */
    public static LearnerStore open(String locationOrUrl) {
        return open(locationOrUrl, System.getenv());
    }

    /** As {@link #open(String)}, reading the home directory and credentials from {@code env}. */
    public static LearnerStore open(String locationOrUrl, Map<String, String> env) {
        String location = isBlank(locationOrUrl) ? defaultFile(env).toString() : locationOrUrl.trim();
        if (location.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length())) {
            return JdbcLearnerStore.open(PostgresDialect.of(POSTGRES_PREFIX + location.substring(POSTGRES_PREFIX.length()), env));
        }
        return JdbcLearnerStore.open(SqliteDialect.prepare(sqliteFile(location, env)));
    }

    /**
     * Opens the store only if it already exists: empty for an SQLite file that was never created (so that reading
     * commands do not leave an empty database behind). A PostgreSQL store is always opened.
     */
    public static Optional<LearnerStore> openIfExists(String locationOrUrl, Map<String, String> env) {
        String location = isBlank(locationOrUrl) ? defaultFile(env).toString() : locationOrUrl.trim();
        if (!location.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length())
                && !Files.isRegularFile(sqliteFile(location, env))) {
            return Optional.empty();
        }
        return Optional.of(open(location, env));
    }

    /** The location to use: the flag's value, else {@value #ENV_STORE}, else the default file. */
    public static String resolve(String flagValue, Map<String, String> env) {
        if (!isBlank(flagValue)) return flagValue.trim();
        String fromEnv = env.get(ENV_STORE);
        if (!isBlank(fromEnv)) return fromEnv.trim();
        return defaultFile(env).toString();
    }

    /** Where the store lives when nothing says otherwise: {@code $XDG_DATA_HOME/tutorgraph/learners.db}. */
    public static Path defaultFile(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path data;
        if (!isBlank(xdg) && isAbsolute(xdg)) {
            data = Path.of(xdg);
        } else {
            data = home(env).resolve(".local").resolve("share");
        }
        return data.resolve("tutorgraph").resolve(FILE_NAME);
    }

    /**
     * The SQLite file a location names: strips {@code jdbc:sqlite:}, expands {@code ~/}, and turns an existing
     * directory into {@code DIR/learners.db}.
     */
    static Path sqliteFile(String location, Map<String, String> env) {
        String path = location;
        if (path.regionMatches(true, 0, SQLITE_PREFIX, 0, SQLITE_PREFIX.length())) {
            path = path.substring(SQLITE_PREFIX.length());
            if (path.startsWith("file:")) path = path.substring("file:".length());
            if (path.isEmpty() || path.contains(":memory:") || path.startsWith("?")) {
                throw new StoreException("an in-memory SQLite store would forget every learner on exit: give a file path");
            }
            if (path.indexOf('?') >= 0) {
                throw new StoreException("jdbc:sqlite: URLs take no parameters here (tutorgraph sets WAL mode, busy "
                        + "timeout and sync itself): give just the path");
            }
        } else if (path.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            throw new StoreException("unsupported store URL '" + printable(path) + "': use a file path, "
                    + "jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE");
        } else if (path.matches("(?i)postgres(ql)?://.*")) {
            throw new StoreException("for PostgreSQL, write the location as a JDBC URL: jdbc:postgresql://HOST[:PORT]/DATABASE "
                    + "(credentials from TUTORGRAPH_PG_USER / TUTORGRAPH_PG_PASSWORD)");
        }
        if (path.equals("~") || path.startsWith("~/")) path = home(env) + path.substring(1);
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw new StoreException("not a valid store path: '" + printable(path) + "' (" + e.getReason() + ")");
        }
        return Files.isDirectory(file) ? file.resolve(FILE_NAME) : file;
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        if (isBlank(home) || !isAbsolute(home)) home = System.getProperty("user.home");
        return Path.of(home);
    }

    private static boolean isAbsolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(120).forEach(cp -> {
            if (cp >= 0x20 && cp != 0x7f) sb.appendCodePoint(cp);
            else sb.append(String.format("\\u%04x", cp));
        });
        return sb.toString();
    }
}
