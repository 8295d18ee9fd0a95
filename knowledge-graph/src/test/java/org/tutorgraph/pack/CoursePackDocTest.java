package org.tutorgraph.pack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The documentation's complete example (in the reference and in README.md) is the fixture the loader tests load, unchanged. */
class CoursePackDocTest {

    @ParameterizedTest
    @ValueSource(strings = {"src/docs/course-packs.md", "README.md"})
    void theDocumentedExampleIsTheValidatedFixture(String page) throws IOException, InvalidPackException {
        Path doc = Path.of("..").resolve(page);
        assertThat(doc).exists();
        String text = Files.readString(doc);
        Path example = PackFixtures.pack("example");
        for (String file : new String[]{"course.yaml", "concepts.yaml", "items/add-like.yaml"}) {
            assertThat(text).as(file).contains("`" + file + "`:\n\n```yaml\n" + Files.readString(example.resolve(file)) + "```\n");
        }
        assertThat(CoursePackLoader.load(example).graph().size()).isEqualTo(5);
    }
}
