package org.tutorgraph.importers;

import java.nio.file.Path;

/**
 * Options shared by importers.
 *
 * @param breakCycles  when the source has prerequisite cycles, drop edges to break them (and report each dropped
 *                     edge) instead of refusing the import
 * @param courseId     id for the imported course, or null to derive one from the source
 * @param title        title for the imported course, or null for the importer's default
 * @param conceptTable a table of concept details (only the {@code csv} format reads one), or null
 */
public record ImportOptions(boolean breakCycles, String courseId, String title, Path conceptTable) {

    public ImportOptions(boolean breakCycles, String courseId) {
        this(breakCycles, courseId, null, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(false, null, null, null);
    }

    public ImportOptions withBreakCycles(boolean on) {
        return new ImportOptions(on, courseId, title, conceptTable);
    }

    public ImportOptions withCourseId(String id) {
        return new ImportOptions(breakCycles, id, title, conceptTable);
    }

    public ImportOptions withTitle(String t) {
        return new ImportOptions(breakCycles, courseId, t, conceptTable);
    }

    public ImportOptions withConceptTable(Path table) {
        return new ImportOptions(breakCycles, courseId, title, table);
    }
}
