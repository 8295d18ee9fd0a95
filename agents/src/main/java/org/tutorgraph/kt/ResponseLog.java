package org.tutorgraph.kt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Graded answers of many students on many skills, in the order each student gave them: what a log reader returns
 * and what the fitter consumes. Stored column-wise in primitive arrays (a student index, a skill index and a 0/1
 * correctness per response) so that half a million responses take a few megabytes and no boxing.
 *
 * <p>A student's answers on one skill, in order, form one BKT sequence; {@link #bySkill()} flattens them.
 */
public final class ResponseLog {

    private final Path source;
    private final List<String> skills;
    private final List<String> students;
    private final int[] student;
    private final int[] skill;
    private final byte[] correct;
    private final List<String> notes;

    private ResponseLog(Path source, List<String> skills, List<String> students, int[] student, int[] skill, byte[] correct,
                        List<String> notes) {
        this.source = source;
        this.notes = notes;
        this.skills = skills;
        this.students = students;
        this.student = student;
        this.skill = skill;
        this.correct = correct;
    }

    public static Builder builder(Path source) {
        return new Builder(source);
    }

    /** The file it was read from (may be null for logs built in memory). */
    public Path source() {
        return source;
    }

    public int size() {
        return correct.length;
    }

    /** What the reader skipped or assumed (e.g. rows without a skill), one sentence each; empty when nothing. */
    public List<String> notes() {
        return notes;
    }

    public int skillCount() {
        return skills.size();
    }

    public int studentCount() {
        return students.size();
    }

    /** Skill names, indexed by skill number, in order of first appearance. */
    public List<String> skills() {
        return skills;
    }

    public String skillName(int s) {
        return skills.get(s);
    }

    public String studentName(int u) {
        return students.get(u);
    }

    public int studentOf(int response) {
        return student[response];
    }

    public int skillOf(int response) {
        return skill[response];
    }

    public boolean isCorrect(int response) {
        return correct[response] != 0;
    }

    /**
     * The responses grouped per skill, and within a skill per student (one sequence per student, in answer order).
     * Two stable counting sorts, first by student then by skill: O(N + students + skills).
     */
    public SkillSequences bySkill() {
        int n = size();
        int[] byStudent = stableCountingSort(identity(n), student, students.size());
        int[] order = stableCountingSort(byStudent, skill, skills.size());
        byte[] obs = new byte[n];
        int[] seqStartsTmp = new int[n + 1];
        int seqCount = 0;
        int[] skillSeqStart = new int[skills.size() + 1];
        int prevSkill = -1;
        int prevStudent = -1;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            obs[i] = correct[r];
            if (skill[r] != prevSkill || student[r] != prevStudent) {
                while (prevSkill < skill[r]) skillSeqStart[++prevSkill] = seqCount;
                seqStartsTmp[seqCount++] = i;
                prevStudent = student[r];
            }
        }
        while (prevSkill < skills.size()) skillSeqStart[++prevSkill] = seqCount;
        seqStartsTmp[seqCount] = n;
        int[] seqStarts = Arrays.copyOf(seqStartsTmp, seqCount + 1);
        return new SkillSequences(skills, obs, seqStarts, skillSeqStart);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    private static int[] stableCountingSort(int[] items, int[] key, int keys) {
        int[] count = new int[keys + 1];
        for (int it : items) count[key[it] + 1]++;
        for (int k = 0; k < keys; k++) count[k + 1] += count[k];
        int[] out = new int[items.length];
        for (int it : items) out[count[key[it]]++] = it;
        return out;
    }

    /** Collects responses in order; names are interned to indexes. */
    public static final class Builder {
        private final Path source;
        private final Map<String, Integer> skillIndex = new HashMap<>();
        private final Map<String, Integer> studentIndex = new HashMap<>();
        private final List<String> skills = new ArrayList<>();
        private final List<String> students = new ArrayList<>();
        private int[] student = new int[1024];
        private int[] skill = new int[1024];
        private byte[] correct = new byte[1024];
        private final List<String> notes = new ArrayList<>();
        private int size;

        private Builder(Path source) {
            this.source = source;
        }

        /** Appends one graded answer; a student's answers must be added in the order they were given. */
        public Builder add(String studentName, String skillName, boolean isCorrect) {
            if (size == correct.length) {
                int cap = size * 2;
                student = Arrays.copyOf(student, cap);
                skill = Arrays.copyOf(skill, cap);
                correct = Arrays.copyOf(correct, cap);
            }
            student[size] = intern(studentName, studentIndex, students);
            skill[size] = intern(skillName, skillIndex, skills);
            correct[size] = (byte) (isCorrect ? 1 : 0);
            size++;
            return this;
        }

        private static int intern(String name, Map<String, Integer> index, List<String> names) {
            Integer i = index.get(name);
            if (i != null) return i;
            int next = names.size();
            index.put(name, next);
            names.add(name);
            return next;
        }

        public int size() {
            return size;
        }

        /** Records what the reader skipped or assumed. */
        public Builder note(String sentence) {
            notes.add(sentence);
            return this;
        }

        public ResponseLog build() {
            return new ResponseLog(source, Collections.unmodifiableList(new ArrayList<>(skills)),
                    Collections.unmodifiableList(new ArrayList<>(students)),
                    Arrays.copyOf(student, size), Arrays.copyOf(skill, size), Arrays.copyOf(correct, size), List.copyOf(notes));
        }
    }
}
