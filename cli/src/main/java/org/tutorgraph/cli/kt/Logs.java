package org.tutorgraph.cli.kt;

import org.tutorgraph.cli.UserException;
import org.tutorgraph.kt.DataShopReader;
import org.tutorgraph.kt.LogFormat;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.kt.LogProblem;
import org.tutorgraph.kt.LogReader;
import org.tutorgraph.kt.ResponseLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a response log for a command, turning every problem into a user error (file:line: what). */
final class Logs {

    private Logs() {
    }

    static ResponseLog read(LogFormat format, Path file, String kcColumn) {
        if (!Files.isRegularFile(file)) throw new UserException("tutor kt: no such file: " + file);
        LogReader reader = format == LogFormat.DATASHOP && kcColumn != null ? new DataShopReader(kcColumn) : format.reader();
        try {
            return reader.read(file);
        } catch (LogFormatException e) {
            List<String> lines = new ArrayList<>();
            for (LogProblem p : e.problems()) lines.add(p.toString());
            if (e.problems().size() >= LogFormatException.MAX_PROBLEMS) lines.add("(stopped after " + LogFormatException.MAX_PROBLEMS + " problems)");
            lines.add("tutor kt: cannot read " + file + " as " + format.name().toLowerCase() + " (see --help for the formats)");
            throw new UserException(lines);
        } catch (IOException e) {
            throw new UserException("tutor kt: cannot read " + file + ": " + e.getMessage());
        }
    }
}
