package org.tutorgraph.importers;

import org.tutorgraph.pack.StrictUtf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads an import source as UTF-8 text, turning every failure into an {@link ImportException} that names the file. */
final class SourceFiles {

    /** Larger sources are refused before they are read, to keep memory bounded (the largest real one is 3 MB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private SourceFiles() {
    }

    static String read(Path file) throws ImportException {
        String name = file.toString();
        try {
            if (Files.isDirectory(file)) throw new ImportException(List.of(name + ": is a folder; expected a file"));
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ImportException(List.of(name + ": file is too large (" + size + " bytes; the limit is " + MAX_BYTES + ")"));
            }
            StrictUtf8.Result r = StrictUtf8.decode(Files.readAllBytes(file));
            if (r instanceof StrictUtf8.BadByte bad) throw new ImportException(List.of(name + ":" + bad.line() + ": " + bad.message()));
            return ((StrictUtf8.Text) r).text();
        } catch (NoSuchFileException e) {
            throw new ImportException(List.of(name + ": file not found"));
        } catch (IOException e) {
            throw new ImportException(List.of(name + ": cannot read: " + e.getMessage()));
        }
    }

    /** {@code folder/name}, which must exist: a clear error names what the folder should hold. */
    static Path inFolder(Path folder, String name, String format) throws ImportException {
        if (!Files.isDirectory(folder)) {
            throw new ImportException(List.of(folder + ": expected the " + format + " folder (holding " + name + ")"));
        }
        Path p = folder.resolve(name);
        if (!Files.isRegularFile(p)) throw new ImportException(List.of(p + ": file not found; the " + format + " folder must hold " + name));
        return p;
    }
}
