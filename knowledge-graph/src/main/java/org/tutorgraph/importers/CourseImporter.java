package org.tutorgraph.importers;

import java.nio.file.Path;

/** Reads an external prerequisite graph (CSV, Metacademy, Common Core, LectureBank, …) into a course graph. */
public interface CourseImporter {

    /** The word used after {@code tutor course import --from}. */
    String format();

    /**
     * Imports {@code source} (a file or folder, as the format expects).
     *
     * @throws ImportException with every problem found (file, line, what), when the source cannot be imported
     */
    ImportResult importFrom(Path source, ImportOptions options) throws ImportException;
}
