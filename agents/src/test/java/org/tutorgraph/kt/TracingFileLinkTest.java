package org.tutorgraph.kt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pack's tracing.json that is a link out of the pack is neither read nor written through. */
class TracingFileLinkTest {

    @TempDir
    Path tmp;

    @Test
    void refusesToReadALinkToOutsideThePack() throws Exception {
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        Path secret = Files.writeString(tmp.resolve("id_rsa"), "PRIVATE-KEY-MATERIAL");
        Files.createSymbolicLink(pack.resolve(TracingFile.NAME), secret);
        assertThatThrownBy(() -> TracingFile.read(pack)).isInstanceOf(LogFormatException.class)
                .hasMessage(pack.resolve(TracingFile.NAME) + ": is a link to outside the course pack folder; keep the pack's files inside it")
                .hasMessageNotContaining("PRIVATE");
    }

    @Test
    void replacesALinkInsteadOfWritingThroughIt() throws Exception {
        Path pack = Files.createDirectories(tmp.resolve("pack"));
        Path victim = Files.writeString(tmp.resolve("bashrc"), "export PATH=/usr/bin\n");
        Files.createSymbolicLink(pack.resolve(TracingFile.NAME), victim);
        TracingFile.write(pack, Map.of("a", BktParams.DEFAULT), Map.of("a", "skill-a"));
        assertThat(Files.readString(victim)).isEqualTo("export PATH=/usr/bin\n");
        assertThat(Files.isSymbolicLink(pack.resolve(TracingFile.NAME))).isFalse();
        assertThat(TracingFile.read(pack).of("a")).isEqualTo(BktParams.DEFAULT);
        try (var files = Files.list(pack)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(TracingFile.NAME);
        }
    }
}
