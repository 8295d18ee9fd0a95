package org.tutorgraph.cli.course;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** The output formats of {@code tutor course show}. */
public enum CourseFormat {
    TEXT, JSON, DOT, MERMAID;

    /** Lower case, as users type it and help texts list it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a format name in any case; a wrong one gets the list of right ones. */
    static final class Converter implements CommandLine.ITypeConverter<CourseFormat> {
        @Override
        public CourseFormat convert(String value) {
            for (CourseFormat f : values()) if (f.name().equalsIgnoreCase(value.trim())) return f;
            throw new CommandLine.TypeConversionException("unknown format '" + value + "' (use text, json, dot or mermaid)");
        }
    }

    /** The names help texts and shell completion offer. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(CourseFormat::toString).iterator();
        }
    }
}
