package org.tutorgraph.importers;

import java.util.List;
import java.util.Optional;

/** The importers {@code tutor course import --from FORMAT} knows, by format name. */
public final class Importers {

    private static final List<CourseImporter> ALL = List.of(
            new CsvImporter(), new MetacademyImporter(), new CcssmImporter(), new LectureBankImporter());

    private Importers() {
    }

    /** The importer for {@code format} ({@code csv}, {@code metacademy}, {@code ccssm}, {@code lecturebank}). */
    public static Optional<CourseImporter> forFormat(String format) {
        if (format == null) return Optional.empty();
        String f = format.trim().toLowerCase(java.util.Locale.ROOT);
        return ALL.stream().filter(i -> i.format().equals(f)).findFirst();
    }

    /** Every format name, in the order help texts list them. */
    public static List<String> formats() {
        return ALL.stream().map(CourseImporter::format).toList();
    }
}
