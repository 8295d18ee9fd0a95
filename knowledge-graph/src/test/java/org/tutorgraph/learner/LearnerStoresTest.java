package org.tutorgraph.learner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LearnerStoresTest {

    @TempDir
    Path tmp;

    @Test
    void prefersTheFlagThenTheEnvironmentThenTheXdgDefault() {
        Map<String, String> env = Map.of("HOME", "/home/ada", "TUTORGRAPH_STORE", "/srv/env.db");
        assertThat(LearnerStores.resolve("/flag.db", env)).isEqualTo("/flag.db");
        assertThat(LearnerStores.resolve(null, env)).isEqualTo("/srv/env.db");
        assertThat(LearnerStores.resolve("  ", env)).isEqualTo("/srv/env.db");
        assertThat(LearnerStores.resolve(null, Map.of("HOME", "/home/ada")))
                .isEqualTo("/home/ada/.local/share/tutorgraph/learners.db");
        assertThat(LearnerStores.resolve(null, Map.of("HOME", "/home/ada", "XDG_DATA_HOME", "/data")))
                .isEqualTo("/data/tutorgraph/learners.db");
    }

    @Test
    void ignoresARelativeXdgDataHomeAsTheSpecSays() {
        assertThat(LearnerStores.defaultFile(Map.of("HOME", "/home/ada", "XDG_DATA_HOME", "relative/dir")))
                .isEqualTo(Path.of("/home/ada/.local/share/tutorgraph/learners.db"));
    }

    @Test
    void expandsTheHomeDirectory() throws Exception {
        Map<String, String> env = Map.of("HOME", tmp.toString());
        try (LearnerStore store = LearnerStores.open("~/mine/learners.db", env)) {
            assertThat(store.describe()).isEqualTo(tmp.resolve("mine/learners.db").toString());
        }
        try (LearnerStore store = LearnerStores.open(null, env)) {
            assertThat(store.describe()).isEqualTo(tmp.resolve(".local/share/tutorgraph/learners.db").toString());
        }
    }

    @Test
    void refusesCredentialsInAPostgresUrlWithoutEchoingThem() {
        for (String url : new String[]{
                "jdbc:postgresql://db.school.example/tutor?user=t&password=hunter2",
                "jdbc:postgresql://t:hunter2@db.school.example/tutor",
                "jdbc:postgresql://db.school.example/tutor?sslpassword=hunter2"}) {
            assertThatThrownBy(() -> LearnerStores.open(url, Map.of())).isInstanceOf(StoreException.class)
                    .hasMessageContaining("must not carry credentials")
                    .hasMessageContaining("TUTORGRAPH_PG_PASSWORD")
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void reportsAPostgresServerThatIsDownWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/tutor";
        Map<String, String> env = Map.of("TUTORGRAPH_PG_USER", "teacher", "TUTORGRAPH_PG_PASSWORD", "s3cret-Pa55");
        assertThatThrownBy(() -> LearnerStores.open(url, env)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the learner store: cannot reach PostgreSQL at postgresql://127.0.0.1:"
                        + closedPort + "/tutor as teacher")
                .hasMessageContaining("is the server running")
                .hasMessageNotContaining("s3cret-Pa55");
    }

    @Test
    void refusesAMalformedPostgresUrl() {
        assertThatThrownBy(() -> LearnerStores.open("jdbc:postgresql://host:notaport/db", Map.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("not a PostgreSQL JDBC URL");
    }
}
