package org.tutorgraph.cli;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.pack.CoursePackLoader;
import org.tutorgraph.pack.InvalidPackException;
import org.tutorgraph.pack.PackProblem;

import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the course a command works on: a pack folder given by the user, or the bundled course. */
public final class CourseOption {

    private CourseOption() {
    }

    /** The pack at {@code path}, or the bundled course when {@code path} is null; a user error lists every problem. */
    public static CoursePack load(Path path) {
        if (path == null) return BundledCourse.load();
        if (!Files.exists(path)) throw new UserException("tutor: no course pack at " + path);
        try {
            return CoursePackLoader.load(path);
        } catch (InvalidPackException e) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (PackProblem p : e.problems()) lines.add(path.resolve(p.file()).normalize() + locate(p) + ": " + p.message());
            lines.add(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + path);
            throw new UserException(lines);
        }
    }

    private static String locate(PackProblem p) {
        if (p.line() <= 0) return "";
        return ":" + p.line() + (p.column() > 0 ? ":" + p.column() : "");
    }
}
