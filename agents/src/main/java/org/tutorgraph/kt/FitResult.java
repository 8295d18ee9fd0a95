package org.tutorgraph.kt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every skill's fit, in the log's skill order, with the options used and the wall-clock seconds of fitting.
 */
public record FitResult(List<SkillFit> skills, FitOptions options, double seconds) {

    public FitResult {
        skills = List.copyOf(skills);
    }

    /** Skill name → parameters. */
    public Map<String, BktParams> params() {
        Map<String, BktParams> m = new LinkedHashMap<>();
        for (SkillFit f : skills) m.put(f.skill(), f.params());
        return m;
    }

    public double logLikelihood() {
        double ll = 0;
        for (SkillFit f : skills) ll += f.logLikelihood();
        return ll;
    }

    public int responses() {
        int n = 0;
        for (SkillFit f : skills) n += f.responses();
        return n;
    }
}
