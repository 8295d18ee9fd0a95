package org.tutorgraph.cli.learners;

import org.tutorgraph.learner.LearnerId;
import picocli.CommandLine;

/** Parses a learner id argument; a bad one becomes a usage error that says which characters are allowed. */
public final class LearnerIdConverter implements CommandLine.ITypeConverter<LearnerId> {
    @Override
    public LearnerId convert(String value) {
        try {
            return LearnerId.of(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
