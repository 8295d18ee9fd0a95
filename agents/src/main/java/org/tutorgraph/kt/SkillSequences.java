package org.tutorgraph.kt;

import java.util.List;

/**
 * Every skill's BKT sequences flattened into one array: skill {@code k} owns sequences
 * {@code skillSeqStart[k] .. skillSeqStart[k+1]-1}; sequence {@code q} is {@code obs[seqStart[q] .. seqStart[q+1]-1]}
 * (0 wrong, 1 correct). The fitter's inner loops walk these arrays directly.
 */
public record SkillSequences(List<String> skills, byte[] obs, int[] seqStart, int[] skillSeqStart) {

    public int skillCount() {
        return skills.size();
    }

    /** Number of responses on skill {@code k}. */
    public int responses(int k) {
        return seqStart[skillSeqStart[k + 1]] - seqStart[skillSeqStart[k]];
    }

    /** Number of sequences (students) on skill {@code k}. */
    public int sequences(int k) {
        return skillSeqStart[k + 1] - skillSeqStart[k];
    }
}
