package org.tutorgraph.pack;

import org.tutorgraph.graph.CoursePack;

import java.nio.file.Path;

/**
 * The course shipped inside the program (middle-school algebra up to linear equations and functions), used when no
 * {@code --course} is given. It lives on the class path under {@value #RESOURCE}, read as a folder whether the
 * class path is a directory (tests) or a jar (the CLI).
 */
public final class BundledCourse {

    public static final String RESOURCE = "org/tutorgraph/course/algebra";

    private static volatile CoursePack cached;

    private BundledCourse() {
    }

    /** The bundled course, loaded and validated once per process. */
    public static CoursePack load() {
        CoursePack pack = cached;
        if (pack == null) {
            synchronized (BundledCourse.class) {
                if (cached == null) {
                    try {
                        cached = CoursePackLoader.load(folder());
                    } catch (InvalidPackException e) {
                        // The bundled course is validated by the build's tests; reaching this is a packaging bug.
                        throw new IllegalStateException("the bundled course is invalid: " + e.getMessage(), e);
                    }
                }
                pack = cached;
            }
        }
        return pack;
    }

    /** The bundled course as a folder path (possibly inside the jar's file system). */
    public static Path folder() {
        return ClasspathFolder.find(BundledCourse.class.getClassLoader(), RESOURCE, CoursePackLoader.COURSE_FILE)
                .orElseThrow(() -> new IllegalStateException("the bundled course is missing from the class path: " + RESOURCE));
    }
}
