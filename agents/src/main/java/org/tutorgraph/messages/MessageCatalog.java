package org.tutorgraph.messages;

import org.tutorgraph.pack.Suggestions;
import org.tutorgraph.prompts.PromptProblem;
import org.tutorgraph.prompts.PromptSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which messages exist and which placeholders each may use: the shipped base file
 * ({@code prompts/messages.properties}) is the registry. A key it does not have is a typo, a placeholder its message
 * does not have would never be filled. A family of plural forms ({@code KEY.one}, {@code KEY.other}) is known by its
 * {@code other} form; a translation may add the forms its language needs ({@code KEY.few}, …) and may use the
 * placeholders of any form of the family.
 */
public final class MessageCatalog {

    private final Map<String, Set<String>> placeholders;
    private final Set<String> pluralFamilies;
    private final Map<String, Message> base;

    private MessageCatalog(Map<String, Message> base) {
        this.base = Collections.unmodifiableMap(new LinkedHashMap<>(base));
        Map<String, Set<String>> p = new LinkedHashMap<>();
        Set<String> families = new LinkedHashSet<>();
        for (Message m : base.values()) p.put(m.key(), m.placeholders());
        for (String key : base.keySet()) {
            if (key.endsWith(".other")) families.add(key.substring(0, key.length() - ".other".length()));
        }
        this.placeholders = Collections.unmodifiableMap(p);
        this.pluralFamilies = Collections.unmodifiableSet(families);
    }

    /** The catalog of the base file {@code base} (parsed; its problems are the caller's concern). */
    public static MessageCatalog of(Map<String, Message> base) {
        return new MessageCatalog(base);
    }

    /** The catalog of the shipped base file. Loaded once. */
    public static MessageCatalog shipped() {
        return Shipped.CATALOG;
    }

    private static final class Shipped {
        static final MessageCatalog CATALOG = load();

        private static MessageCatalog load() {
            PromptSource defaults = PromptSource.defaults();
            Path file = defaults.dir().resolve(MessageFile.NAME);
            if (!Files.isRegularFile(file)) throw new IllegalStateException("the shipped messages are missing: " + defaults.locate(MessageFile.NAME));
            MessageFile.Parsed parsed = MessageFile.read(file, defaults.locate(MessageFile.NAME));
            if (!parsed.usable()) throw new IllegalStateException("the shipped messages have errors: " + parsed.problems());
            return new MessageCatalog(parsed.messages());
        }
    }

    /** Every key of the base, in file order (plural forms as written there). */
    public Set<String> keys() {
        return placeholders.keySet();
    }

    /** The families of plural forms: keys whose base has {@code KEY.other}. */
    public Set<String> pluralFamilies() {
        return pluralFamilies;
    }

    /** The base (English) message of {@code key}, with its file and line; a plural form not in the base gives its family's {@code other}. */
    public Optional<Message> base(String key) {
        Message m = base.get(key);
        if (m != null) return Optional.of(m);
        return family(key).map(f -> base.get(f + ".other"));
    }

    public boolean isKnown(String key) {
        return placeholders.containsKey(key) || family(key).isPresent();
    }

    /** The plural family of {@code key} when it is {@code FAMILY.category} of a known family. */
    public Optional<String> family(String key) {
        int dot = key.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String family = key.substring(0, dot);
        return pluralFamilies.contains(family) && Message.PLURAL_CATEGORIES.contains(key.substring(dot + 1))
                ? Optional.of(family) : Optional.empty();
    }

    /** The placeholders {@code key} may use: its base message's, or those of any form of its plural family. */
    public Set<String> allowed(String key) {
        Optional<String> family = family(key);
        if (family.isEmpty()) return placeholders.getOrDefault(key, Set.of());
        Set<String> all = new LinkedHashSet<>();
        for (String c : Message.PLURAL_CATEGORIES) all.addAll(placeholders.getOrDefault(family.get() + "." + c, Set.of()));
        return all;
    }

    /**
     * Warnings for messages that leave out a placeholder their base message has: the learner would not see that value
     * (a name, a number, the concept). Not an error, since a translation may say it another way; a comment directly
     * above the message that says {@code leaves out {{name}}} marks an omission as meant and silences it. A plural form
     * other than {@code other} may leave out {@code {{count}}} ("une étape" spells the one). Unknown keys are
     * {@link #check}'s. O(size of the file).
     */
    public List<PromptProblem> leftOut(MessageFile.Parsed file) {
        List<PromptProblem> problems = new ArrayList<>();
        for (Message m : file.messages().values()) {
            Optional<Message> english = base(m.key());
            if (english.isEmpty() || english.get().equals(m)) continue;
            Optional<String> family = family(m.key());
            boolean singular = family.isPresent() && !m.key().equals(family.get() + ".other");
            Set<String> used = m.placeholders();
            String comment = file.commentAbove(m.key());
            for (String p : english.get().placeholders()) {
                if (used.contains(p) || (singular && p.equals("count"))) continue;
                if (Message.placeholders(comment).contains(p) && comment.toLowerCase(Locale.ROOT).contains("leaves out")) continue;
                problems.add(PromptProblem.warning(m.location(), m.line(), "message " + m.key() + " leaves out {{" + p + "}}, which "
                        + english.get().location() + ":" + english.get().line() + " has: the learner will not see it. Add {{" + p
                        + "}}, or if that is meant, say so in a comment line above: # leaves out {{" + p + "}}"));
            }
        }
        return problems;
    }

    /**
     * Checks a parsed file against the catalog: unknown keys (with the nearest known one) and placeholders the base
     * message does not have are errors. A translation may leave a placeholder out (a singular form without the count,
     * French feedback without the English grading detail).
     */
    public List<PromptProblem> check(MessageFile.Parsed file) {
        List<PromptProblem> problems = new ArrayList<>();
        for (Message m : file.messages().values()) {
            if (!isKnown(m.key())) {
                String hint = Suggestions.closest(m.key(), keys()).map(k -> " (did you mean " + k + "?)").orElse("");
                problems.add(PromptProblem.error(m.location(), m.line(), "unknown message " + m.key() + hint));
                continue;
            }
            Set<String> allowed = allowed(m.key());
            for (String p : m.placeholders()) {
                if (allowed.contains(p)) continue;
                String known = allowed.isEmpty() ? "it takes none" : "it takes " + String.join(", ", allowed.stream().map(a -> "{{" + a + "}}").toList());
                String hint = Suggestions.closest(p, allowed).map(k -> "did you mean {{" + k + "}}? ").orElse("");
                problems.add(PromptProblem.error(m.location(), m.line(), "message " + m.key() + " uses an unknown placeholder {{" + p + "}}: "
                        + hint + known));
            }
        }
        return problems;
    }
}
