package org.tutorgraph.messages;

import org.tutorgraph.prompts.PromptProblem;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads one message file: Java {@code .properties} syntax in UTF-8 ({@code key = text}, {@code #} comments, a
 * trailing {@code \} continues a line, {@code \n} is a line break, {@code \u00e9} an escaped character), each message
 * located by its line so a problem can be reported as {@code FILE:LINE}.
 *
 * <p>Each logical line (a line plus its continuations) is handed to {@link Properties#load(java.io.Reader)} on its own,
 * so escapes and separators follow the standard exactly while the line numbers stay known. On top of the format it
 * reports: a key set twice, an empty message, a malformed escape, and braces that are not a {@code {{placeholder}}}.
 * Whether the keys and placeholders are known is checked against the shipped base file by {@link MessageCatalog}.
 * O(size of the file).
 */
public final class MessageFile {

    /** The file name, in a prompts folder and in its language folders ({@code fr/messages.properties}). */
    public static final String NAME = "messages.properties";

    private MessageFile() {
    }

    /**
     * The messages of a file and the problems found reading it.
     *
     * @param messages by key, in file order (a key set twice keeps its first text)
     * @param problems errors make the file unusable as a whole
     * @param comments by key, the comment lines directly above the message (without {@code #}), for notes to the
     *                 linter such as "leaves out {{detail}}"
     */
    public record Parsed(Map<String, Message> messages, List<PromptProblem> problems, Map<String, String> comments) {

        public Parsed {
            messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
            problems = List.copyOf(problems);
            comments = Map.copyOf(comments);
        }

        public Parsed(Map<String, Message> messages, List<PromptProblem> problems) {
            this(messages, problems, Map.of());
        }

        /** The comment directly above message {@code key}, or {@code ""}. */
        public String commentAbove(String key) {
            return comments.getOrDefault(key, "");
        }

        public boolean usable() {
            return problems.stream().noneMatch(PromptProblem::isError);
        }
    }

    /** Reads {@code path} as UTF-8 (anything else is an error) and parses it. */
    public static Parsed read(Path path, String location) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(Map.of(), List.of(PromptProblem.error(location, 0, "not UTF-8 text: save the file as UTF-8")));
        } catch (IOException e) {
            return new Parsed(Map.of(), List.of(PromptProblem.error(location, 0, "cannot read: " + e.getMessage())));
        }
        return parse(text, location);
    }

    /** Parses the text of a message file. */
    public static Parsed parse(String text, String location) {
        if (text.startsWith("\ufeff")) text = text.substring(1);
        Map<String, Message> messages = new LinkedHashMap<>();
        List<PromptProblem> problems = new ArrayList<>();
        Map<String, String> comments = new HashMap<>();
        StringBuilder comment = new StringBuilder();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            int start = i;
            String first = lines[i].stripLeading();
            i++;
            if (first.isEmpty()) {
                comment.setLength(0);
                continue;
            }
            if (first.startsWith("#") || first.startsWith("!")) {
                comment.append(first.substring(1).strip()).append('\n');
                continue;
            }
            StringBuilder logical = new StringBuilder(lines[start]);
            while (endsWithContinuation(lines[i - 1]) && i < lines.length) {
                logical.append('\n').append(lines[i]);
                i++;
            }
            String key = entry(logical.toString(), location, start + 1, messages, problems);
            if (key != null && !comment.isEmpty()) comments.put(key, comment.toString().strip());
            comment.setLength(0);
        }
        return new Parsed(messages, problems, comments);
    }

    /** Reads one logical line into {@code messages}; returns its key when it was added, else null (a problem was added). */
    private static String entry(String logical, String location, int line, Map<String, Message> messages, List<PromptProblem> problems) {
        Properties one = new Properties();
        try {
            one.load(new StringReader(logical));
        } catch (IllegalArgumentException e) {
            problems.add(PromptProblem.error(location, line, "malformed escape (" + e.getMessage() + "): write \\uXXXX with four hex digits, or \\\\ for a backslash"));
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
        if (one.isEmpty()) return null;
        String key = one.stringPropertyNames().iterator().next();
        String text = one.getProperty(key);
        if (key.isBlank()) {
            problems.add(PromptProblem.error(location, line, "a line without a key: write key = text"));
            return null;
        }
        if (!hasSeparator(logical, key)) {
            problems.add(PromptProblem.error(location, line, "no '=' after '" + key + "': write " + key + " = text"));
            return null;
        }
        Message earlier = messages.get(key);
        if (earlier != null) {
            problems.add(PromptProblem.error(location, line, "message " + key + " is set twice (first on line " + earlier.line() + ")"));
            return null;
        }
        if (text.isBlank()) {
            problems.add(PromptProblem.error(location, line, "message " + key + " is empty: remove the line to use the message it overrides"));
            return null;
        }
        if (Message.hasStrayBraces(text)) {
            problems.add(PromptProblem.error(location, line, "message " + key + " has braces that are not a placeholder: write {{name}}"));
            return null;
        }
        messages.put(key, new Message(key, text, location, line));
        return key;
    }

    /**
     * Whether the key is followed by {@code =} or {@code :}. The format also allows a bare space as the separator, which
     * turns a stray sentence ("Not quite. Try again") into the key {@code Not}: for educators' files that is a mistake.
     */
    private static boolean hasSeparator(String logical, String key) {
        String rest = logical.stripLeading();
        int k = 0;
        int i = 0;
        // skip the key as written (it may contain escapes such as "\ " or "\=")
        while (i < rest.length() && k < key.length()) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length()) {
                i += 2;
            } else {
                i++;
            }
            k++;
        }
        while (i < rest.length() && (rest.charAt(i) == ' ' || rest.charAt(i) == '\t' || rest.charAt(i) == '\f')) i++;
        return i < rest.length() && (rest.charAt(i) == '=' || rest.charAt(i) == ':');
    }

    private static boolean endsWithContinuation(String line) {
        int n = 0;
        for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) n++;
        return n % 2 == 1;
    }
}
