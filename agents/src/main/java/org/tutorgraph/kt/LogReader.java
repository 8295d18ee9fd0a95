package org.tutorgraph.kt;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a response log file into a {@link ResponseLog}. */
public interface LogReader {

    /**
     * @throws LogFormatException when rows are malformed: every problem with its file and line
     * @throws IOException        when the file cannot be read at all
     */
    ResponseLog read(Path file) throws IOException, LogFormatException;
}
