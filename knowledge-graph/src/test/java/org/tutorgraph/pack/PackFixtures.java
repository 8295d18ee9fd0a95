package org.tutorgraph.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The course-pack fixtures under {@code src/test/resources/packs/}. */
public final class PackFixtures {

    private PackFixtures() {
    }

    /** The fixture folder {@code packs/<name>}. */
    public static Path pack(String name) {
        URL url = PackFixtures.class.getResource("/packs/" + name + "/course.yaml");
        if (url == null) url = PackFixtures.class.getResource("/packs/" + name);
        if (url == null) throw new IllegalArgumentException("no fixture packs/" + name);
        try {
            Path p = Path.of(url.toURI());
            return p.getFileName().toString().equals("course.yaml") ? p.getParent() : p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every malformed fixture: the folders under {@code packs/invalid/}. */
    public static List<String> invalidPacks() {
        Path root = pack("example").getParent().resolve("invalid");
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> "invalid/" + p.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture into {@code target} so a test can change it. */
    public static Path copy(String name, Path target) throws IOException {
        Path source = pack(name);
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : s.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return target;
    }
}
