package org.tutorgraph.learner;

import org.junit.jupiter.api.Test;
import org.tutorgraph.learner.jdbc.SqliteDialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteLearnerStoreTest extends LearnerStoreContract {

    private final AtomicInteger stores = new AtomicInteger();

    @Override
    String newLocation() {
        return tmp.resolve("store-" + stores.incrementAndGet()).resolve("learners.db").toString();
    }

    @Override
    void executeDirectly(String location, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    long queryDirectly(String location, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String pragma(String location, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void usesWalModeAndMarksTheFileAsATutorgraphStore() throws Exception {
        String location = freshLocation();
        open(location).append(ALICE, "s1", List.of(answer(1)));
        assertThat(pragma(location, "journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(Integer.parseInt(pragma(location, "application_id"))).isEqualTo(SqliteDialect.APPLICATION_ID);
    }

    @Test
    void createsItsDirectoryAndFilePrivateToTheUser() throws Exception {
        Path file = tmp.resolve("deep/er/learners.db");
        open(file.toString()).append(ALICE, "s1", List.of(answer(1)));
        assertThat(file).isRegularFile();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        }
    }

    @Test
    void acceptsADirectoryOrAJdbcUrlAsLocation() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        open(dir.toString()).append(ALICE, "s1", List.of(answer(1)));
        assertThat(dir.resolve(LearnerStores.FILE_NAME)).isRegularFile();
        assertThat(open("jdbc:sqlite:" + dir.resolve(LearnerStores.FILE_NAME)).events(ALICE)).hasSize(1);
    }

    @Test
    void reportsADamagedFileClearly() throws Exception {
        Path file = tmp.resolve("learners.db");
        Files.writeString(file, "this is not an SQLite database, just some text that is long enough to have a header.".repeat(20));
        assertThatThrownBy(() -> open(file.toString())).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a tutorgraph learner store or is damaged");
    }

    @Test
    void refusesAnSQLiteDatabaseOfAnotherApplication() throws Exception {
        String location = tmp.resolve("other.db").toString();
        executeDirectly(location, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        assertThatThrownBy(() -> open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a tutorgraph learner store").hasMessageContaining("invoices");
        assertThat(pragma(location, "application_id")).isEqualTo("0");
    }

    @Test
    void reportsADirectoryItCannotCreate() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("a-file"), "x");
        assertThatThrownBy(() -> open(blocker.resolve("sub/learners.db").toString())).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot create the store directory " + blocker.resolve("sub"));
    }

    @Test
    void refusesInMemoryAndUnknownUrls() {
        assertThatThrownBy(() -> open("jdbc:sqlite::memory:")).isInstanceOf(StoreException.class).hasMessageContaining("in-memory");
        assertThatThrownBy(() -> open("jdbc:mysql://x/y")).isInstanceOf(StoreException.class).hasMessageContaining("unsupported store URL");
        assertThatThrownBy(() -> open("postgres://x/y")).isInstanceOf(StoreException.class).hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void keepsSessionLocksBesideTheDatabase() throws Exception {
        String location = freshLocation();
        try (SessionLease lease = open(location).acquireSession(ALICE, "s1")) {
            assertThat(lease.sessionId()).isEqualTo("s1");
            Path lock = Path.of(location + ".sessions", "alice.lock");
            assertThat(Files.readString(lock)).contains("session s1").contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void meetsItsOwnLeaseThroughASymlinkAndKeepsCapitalsApart() throws Exception {
        String location = freshLocation();
        LearnerStore store = open(location);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), Path.of(location).getParent());
        LearnerStore viaLink = open(link.resolve("learners.db").toString());
        LearnerId capital = LearnerId.of("Alice");
        try (SessionLease lease = store.acquireSession(ALICE, "s1")) {
            assertThatThrownBy(() -> viaLink.acquireSession(ALICE, "s2")).isInstanceOf(SessionBusyException.class)
                    .hasMessageContaining("in this process");
            try (SessionLease other = viaLink.acquireSession(capital, "s3")) {
                assertThat(other.learner()).isEqualTo(capital);
            }
            assertThat(lease.learner()).isEqualTo(ALICE);
        }
        assertThat(Path.of(location + ".sessions")).isDirectoryContaining(p -> p.getFileName().toString().equals("^alice.lock"));
    }

    @Test
    void opensAnExistingStoreOnlyWhenAsked() throws Exception {
        String location = freshLocation();
        assertThat(LearnerStores.openIfExists(location, Map.of())).isEmpty();
        assertThat(Path.of(location)).doesNotExist();
        open(location).close();
        try (LearnerStore s = LearnerStores.openIfExists(location, Map.of()).orElseThrow()) {
            assertThat(s.describe()).isEqualTo(location);
        }
    }
}
