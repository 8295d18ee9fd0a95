package org.tutorgraph.importers;

/**
 * Options shared by importers.
 *
 * @param breakCycles when the source has prerequisite cycles, drop edges to break them (and report each dropped edge)
 *                    instead of refusing the import
 * @param courseId    id for the imported course, or null to derive one from the source
 */
public record ImportOptions(boolean breakCycles, String courseId) {
    public static ImportOptions defaults() {
        return new ImportOptions(false, null);
    }
}
