package org.tutorgraph.importers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.pack.CoursePackLoader;
import org.tutorgraph.pack.CoursePackWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Imports the real datasets of {@code ../shared/data/graphs} and proves the written packs validate. Runs only with
 * {@code -Dtutorgraph.slow=true} and skips when the shared data is absent (a user's clone has none).
 */
class RealDataImportTest {

    private static Path graphs;

    @BeforeAll
    static void findData() {
        assumeTrue(Boolean.getBoolean("tutorgraph.slow"), "slow tests run with -Dtutorgraph.slow=true");
        Optional<Path> found = sharedGraphs();
        assumeTrue(found.isPresent(), "no ../shared/data/graphs here");
        graphs = found.get();
    }

    static Optional<Path> sharedGraphs() {
        String configured = System.getProperty("tutorgraph.shared");
        if (configured != null) return Optional.of(Path.of(configured, "data", "graphs")).filter(Files::isDirectory);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : new Path[]{p.resolve("shared/data/graphs"), p.resolveSibling("shared").resolve("data/graphs")}) {
                if (Files.isDirectory(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static CoursePack writeAndLoad(ImportResult r, Path dir) throws Exception {
        CoursePackWriter.write(r.meta(), r.graph(), r.items(), dir);
        return CoursePackLoader.load(dir);
    }

    @Test
    void metacademyImportsAndValidates(@TempDir Path tmp) throws Exception {
        ImportResult r = new MetacademyImporter().importFrom(graphs.resolve("metacademy/graph_data.json"), ImportOptions.defaults());
        CoursePack pack = writeAndLoad(r, tmp);
        assertThat(pack.graph().size()).isEqualTo(487);
        assertThat(pack.graph().requiresLinks()).hasSize(1208);
        assertThat(r.cyclicComponents()).isZero();
    }

    @Test
    void commonCoreImportsAndValidates(@TempDir Path tmp) throws Exception {
        ImportResult r = new CcssmImporter().importFrom(graphs.resolve("ccssm"), ImportOptions.defaults());
        CoursePack pack = writeAndLoad(r, tmp);
        assertThat(pack.graph().requiresLinks()).hasSize(729);
        assertThat(pack.graph().supportsLinks()).hasSize(144);
        assertThat(r.report()).anyMatch(l -> l.startsWith("standard texts: " + pack.graph().size() + " matched exactly"));
    }

    @Test
    void lectureBankIsRefusedWithItsCyclesAndImportsWhenTheyAreBroken(@TempDir Path tmp) throws Exception {
        Path source = graphs.resolve("lecturebank");
        assertThatThrownBy(() -> new LectureBankImporter().importFrom(source, ImportOptions.defaults()))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems())
                        .filteredOn(l -> l.startsWith("cycle component ")).hasSizeGreaterThan(1));
        ImportResult r = new LectureBankImporter().importFrom(source, ImportOptions.defaults().withBreakCycles(true));
        CoursePack pack = writeAndLoad(r, tmp);
        assertThat(pack.graph().size()).isEqualTo(208);
        assertThat(r.dropped()).isNotEmpty();
        assertThat(pack.graph().requiresLinks().size() + r.dropped().size()).isEqualTo(913);
    }
}
