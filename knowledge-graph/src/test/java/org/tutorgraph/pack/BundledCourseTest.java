package org.tutorgraph.pack;

import org.junit.jupiter.api.Test;
import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped course must validate; its size is the content's business, not this test's. */
class BundledCourseTest {

    @Test
    void theBundledCourseValidates() {
        assertThat(CoursePackLoader.validate(BundledCourse.folder())).isEmpty();
    }

    @Test
    void theBundledCourseLoadsWithConceptsAndItemsThatFitTogether() {
        CoursePack pack = BundledCourse.load();
        assertThat(pack.graph().size()).isPositive();
        assertThat(pack.graph().topologicalOrder()).hasSize(pack.graph().size());
        assertThat(pack.items()).isNotEmpty();
        for (Item item : pack.items()) {
            assertThat(item.concepts()).allSatisfy(c -> assertThat(pack.graph().contains(c)).isTrue());
            assertThat(item.ladder()).isNotEmpty();
            assertThat(item.answers()).isNotEmpty();
        }
    }

    @Test
    void loadsOncePerProcess() {
        assertThat(BundledCourse.load()).isSameAs(BundledCourse.load());
    }
}
