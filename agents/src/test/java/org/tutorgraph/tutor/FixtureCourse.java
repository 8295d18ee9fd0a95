package org.tutorgraph.tutor;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.graph.Item;
import org.tutorgraph.pack.CoursePackLoader;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The tutor's own small course pack (src/test/resources/org/tutorgraph/tutor/course): one item per answer type. */
final class FixtureCourse {

    private static CoursePack pack;

    private FixtureCourse() {
    }

    static synchronized CoursePack pack() {
        if (pack == null) {
            try {
                Path folder = Path.of(FixtureCourse.class.getResource("/org/tutorgraph/tutor/course/course.yaml").toURI()).getParent();
                pack = CoursePackLoader.load(folder);
            } catch (URISyntaxException | org.tutorgraph.pack.InvalidPackException e) {
                throw new IllegalStateException(e);
            }
        }
        return pack;
    }

    static Item item(String id) {
        return pack().item(id).orElseThrow();
    }

    static TutorContext context(String itemId) {
        Item item = item(itemId);
        return TutorContext.of(item, pack().graph().concept(item.concepts().get(0)));
    }
}
