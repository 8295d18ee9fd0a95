package org.tutorgraph.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A folder of resources shipped on the class path (the bundled course, the default prompt templates), as a
 * {@link Path} that can be listed and read whether the class path is a directory (tests) or a jar (the CLI): inside
 * a jar it is a path of the jar's own file system, opened once and shared.
 */
public final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /**
     * The folder {@code resource} ({@code org/tutorgraph/course/algebra}), found through a file {@code probe} that it
     * holds; empty when {@code loader} has no such file.
     */
    public static Optional<Path> find(ClassLoader loader, String resource, String probe) {
        URL url = loader.getResource(resource + "/" + probe);
        if (url == null) return Optional.empty();
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return Optional.of(fs.getPath("/" + resource));
            }
            return Optional.of(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
