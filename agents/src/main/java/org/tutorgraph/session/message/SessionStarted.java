package org.tutorgraph.session.message;

import java.util.Objects;

/**
 * A chat began: the first message of every session.
 *
 * @param session      the session id (the store's)
 * @param learner      the learner id
 * @param course       the course pack's id
 * @param courseTitle  its title
 * @param courseVersion the educator's version string
 * @param fingerprint  a digest of the course's concepts, edges and items: progress made on other content (an edited
 *                     pack) is not resumed as if nothing had changed
 * @param tutorBackend where the tutor's words come from ({@code offline}, {@code openai}, {@code ollama})
 */
public record SessionStarted(String session, String learner, String course, String courseTitle, String courseVersion,
                             String fingerprint, String tutorBackend) implements SessionMessage {
    public SessionStarted {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(course, "course");
        courseTitle = courseTitle == null ? course : courseTitle;
        courseVersion = courseVersion == null ? "" : courseVersion;
        Objects.requireNonNull(fingerprint, "fingerprint");
        tutorBackend = tutorBackend == null ? "offline" : tutorBackend;
    }
}
