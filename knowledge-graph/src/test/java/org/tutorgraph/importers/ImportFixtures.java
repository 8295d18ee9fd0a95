package org.tutorgraph.importers;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The importer fixtures under {@code src/test/resources/imports/}. */
final class ImportFixtures {

    private ImportFixtures() {
    }

    static Path fixture(String relative) {
        URL url = ImportFixtures.class.getResource("/imports/" + relative);
        if (url == null) throw new IllegalArgumentException("no fixture imports/" + relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
