package org.tutorgraph.models.doctor;

import org.tutorgraph.models.config.ModelRole;
import org.tutorgraph.models.config.ModelSettings;

import java.util.List;
import java.util.Optional;

/**
 * What {@code tutor doctor} found for one agent.
 *
 * @param role     the agent
 * @param settings its model setting
 * @param checks   the checks run, in order (empty when offline or when {@code sameAs} is set)
 * @param sameAs   the agent checked above with the very same model, when this one was not checked again
 */
public record RoleReport(ModelRole role, ModelSettings settings, List<Check> checks, Optional<ModelRole> sameAs) {

    public RoleReport {
        checks = List.copyOf(checks);
    }

    public boolean failed() {
        return checks.stream().anyMatch(Check::failed);
    }
}
