package org.tutorgraph.cli;

import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code --store} option, shared by every command that reads or writes learners: add it with
 * {@code @Mixin StoreOption store;} and call {@link #open()}. The location resolves as flag → {@code TUTORGRAPH_STORE}
 * → {@code $XDG_DATA_HOME/tutorgraph/learners.db}; which kind of store it names is {@link LearnerStores}' business.
 */
public final class StoreOption {

    @Option(names = "--store", paramLabel = "PATH|URL",
            description = {
                    "Where learners are kept: an SQLite file (or a directory, meaning DIR/learners.db), "
                            + "jdbc:sqlite:PATH, or jdbc:postgresql://HOST[:PORT]/DATABASE.",
                    "Default: $TUTORGRAPH_STORE, else $XDG_DATA_HOME/tutorgraph/learners.db "
                            + "(~/.local/share/tutorgraph/learners.db).",
                    "PostgreSQL credentials come from TUTORGRAPH_PG_USER and TUTORGRAPH_PG_PASSWORD "
                            + "(or PGUSER and PGPASSWORD), never from the URL."})
    String store;

    /** The environment the location is resolved against (the process environment). */
    Map<String, String> environment() {
        return System.getenv();
    }

    /** The location this command uses, after flag, environment and default. */
    public String location() {
        return LearnerStores.resolve(store, environment());
    }

    /** Opens the store, creating it when it does not exist yet (commands that record learners). */
    public LearnerStore open() {
        return LearnerStores.open(location(), environment());
    }

    /** Opens the store only if it exists (commands that only read or delete: they must not leave an empty file). */
    public Optional<LearnerStore> openIfExists() {
        return LearnerStores.openIfExists(location(), environment());
    }
}
