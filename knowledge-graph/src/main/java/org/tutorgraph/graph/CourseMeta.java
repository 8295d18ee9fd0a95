package org.tutorgraph.graph;

/**
 * What a course pack says about itself.
 *
 * @param id          short identifier
 * @param title       human title
 * @param language    BCP 47 language tag the course is written in (tutors answer in it), e.g. {@code en}, {@code fr}
 * @param description a paragraph for the learner
 * @param version     the educator's version string
 */
public record CourseMeta(String id, String title, String language, String description, String version) {
    public CourseMeta {
        title = title == null || title.isBlank() ? id : title;
        language = language == null || language.isBlank() ? "en" : language;
        description = description == null ? "" : description;
        version = version == null ? "" : version;
    }
}
