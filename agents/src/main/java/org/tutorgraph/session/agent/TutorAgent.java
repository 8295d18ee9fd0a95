package org.tutorgraph.session.agent;

import org.tutorgraph.graph.Concept;
import org.tutorgraph.graph.Item;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.messages.MessageLibrary;
import org.tutorgraph.messages.Messages;
import org.tutorgraph.models.call.ModelNotices;
import org.tutorgraph.models.tutor.StreamingVoice;
import org.tutorgraph.session.message.AnswerGraded;
import org.tutorgraph.session.message.ConceptCompleted;
import org.tutorgraph.session.message.ConceptSkipped;
import org.tutorgraph.session.message.HintGiven;
import org.tutorgraph.session.message.PlanAdopted;
import org.tutorgraph.session.message.PlanFinished;
import org.tutorgraph.session.message.PlanStep;
import org.tutorgraph.session.message.StudentTurn;
import org.tutorgraph.session.message.TeachStep;
import org.tutorgraph.session.message.TutorReply;
import org.tutorgraph.session.model.CourseProgress;
import org.tutorgraph.session.model.LearnerModel;
import org.tutorgraph.session.model.OpenItem;
import org.tutorgraph.tutor.InputClassifier;
import org.tutorgraph.tutor.LadderState;
import org.tutorgraph.tutor.MasterySummary;
import org.tutorgraph.tutor.Situation;
import org.tutorgraph.tutor.Speech;
import org.tutorgraph.tutor.StudentInput;
import org.tutorgraph.tutor.TutorContext;
import org.tutorgraph.tutor.TutorEngine;
import org.tutorgraph.tutor.TutorTurn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Tutor as an agent of the session: works through the adopted plan item by item, answering each input with the
 * tutor core ({@link TutorEngine}: grading, hint ladder, guarded words), and decides what to practise next.
 *
 * <p><b>What comes next</b> (when no item is open):
 * <ol>
 *   <li>the concept just practised, if it is still a step of the plan and not mastered: its next item; when its items
 *       are used up, it is completed as {@code ITEMS_EXHAUSTED} and the tutor moves on (and says so);</li>
 *   <li>else the plan's first step not completed, not skipped, and not built on a skipped step (prerequisites first:
 *       a skipped concept's dependents wait); when only skipped steps are left, the first of them comes back;</li>
 *   <li>nothing left: {@link PlanFinished}.</li>
 * </ol>
 * Items for a concept: those that assess it and no step still ahead of it, not yet practised since the goals were set;
 * those whose first concept it is before the others, then unseen ones first (never practised, then not asked in a
 * diagnosis), else in the course's order. New goals (or a new diagnosis) start a new round, in which items seen in an
 * earlier round may come back: retrieval practice, after every unseen item.
 *
 * <p>Everything it decides depends only on the learner model and the course, so a replayed model leads to the same
 * choices. It never writes the model: it proposes {@link TeachStep}, {@link AnswerGraded}, {@link HintGiven},
 * {@link TutorReply}, {@link ConceptSkipped}, {@link ConceptCompleted} and {@link PlanFinished}.
 */
public final class TutorAgent {

    private final CourseContext course;
    private final TutorEngine engine;
    private final Optional<StreamingVoice> streaming;
    private final Grading grading;
    private final ModelNotices notices;
    private final Messages say;

    public TutorAgent(CourseContext course, TutorEngine engine, Optional<StreamingVoice> streaming, Grading grading,
                      ModelNotices notices) {
        this(course, engine, streaming, grading, notices, MessageLibrary.shipped().in(course.pack().meta().language()));
    }

    /** @param say the notes for the learner when a model fails, in the course's language */
    public TutorAgent(CourseContext course, TutorEngine engine, Optional<StreamingVoice> streaming, Grading grading,
                      ModelNotices notices, Messages say) {
        this.say = Objects.requireNonNull(say, "say");
        this.course = Objects.requireNonNull(course, "course");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.streaming = Objects.requireNonNull(streaming, "streaming");
        this.grading = Objects.requireNonNull(grading, "grading");
        this.notices = notices;
    }

    public TutorEngine engine() {
        return engine;
    }

    public Next tutor(LearnerModel model, Turn turn) {
        OpenItem open = model.progress().open();
        if (open != null && open.isOpen()) {
            Optional<StudentTurn> in = turn.take();
            // resumed on an open item: the resume message shows it; wait for the learner
            if (in.isEmpty()) return Next.AWAIT_STUDENT;
            if (in.get().kind() == StudentTurn.Kind.SKIP) {
                turn.propose(new ConceptSkipped(open.concept(), open.item()));
                return next(model, turn, false);
            }
            reply(model, turn, open, in.get());
            OpenItem after = model.progress().open();
            return after != null && after.isOpen() ? Next.AWAIT_STUDENT : Next.ROUTE_AGAIN;
        }
        boolean asked = turn.take().isPresent();
        return next(model, turn, asked);
    }

    // --- answering on the open item --------------------------------------------------------------------------------

    private void reply(LearnerModel model, Turn turn, OpenItem open, StudentTurn in) {
        Item item = course.pack().item(open.item()).orElseThrow(() -> new IllegalStateException("no item " + open.item()));
        Concept concept = course.concept(open.concept());
        MasterySummary mastery = model.mastery(open.concept())
                .map(s -> new MasterySummary(s.posterior(), s.answers())).orElse(MasterySummary.unknown());
        TutorContext ctx = new TutorContext(item, concept, mastery, course.pack().meta().language(),
                String.join("\n", open.dialogue()));
        Speech speech = streaming.<Speech>map(voice -> (request, level, said) -> voice.speak(request, level, said, turn::stream))
                .orElse(engine.guarded());
        LadderState before = open.ladder();
        AnswerGraded graded = null;
        TutorTurn t;
        if (in.kind() == StudentTurn.Kind.HINT) {
            t = engine.respond(ctx, before, new StudentInput.HintRequest(), speech);
        } else {
            StudentInput input = InputClassifier.classify(in.text(), item.type());
            if (input instanceof StudentInput.Attempt a) {
                Grading.Graded g = grading.grade(item, a.text());
                ModelNotes.record(notices, turn, say);
                graded = new AnswerGraded(AnswerGraded.Phase.PRACTICE, item.id(), item.id(), item.concepts(), a.text(),
                        g.verdict(), g.misconception(), g.by(), g.detail());
                t = engine.respondGraded(ctx, before, a.text(), g.result(), speech);
            } else {
                t = engine.respond(ctx, before, input, speech);
            }
        }
        ModelNotes.record(notices, turn, say);
        if (graded != null) turn.propose(graded);
        Rung rung = t.rung().orElse(null);
        if (rung != null && rung.level() > before.level()) {
            boolean requested = t.situation() == Situation.HINT_REQUESTED || t.situation() == Situation.NO_ANSWER;
            turn.propose(new HintGiven(item.id(), rung, requested));
        }
        turn.propose(new TutorReply(item.id(), t.text(), rung, t.move(), t.situation(), t.guardReplaced().isPresent(),
                t.guardReplaced().map(l -> l.form().name().toLowerCase(java.util.Locale.ROOT)).orElse(null), t.state()));
    }

    // --- what comes next -------------------------------------------------------------------------------------------

    private Next next(LearnerModel model, Turn turn, boolean asked) {
        CourseProgress p = model.progress();
        OpenItem last = p.open();
        String justPractised = last != null ? last.concept() : null;
        if (justPractised != null && !p.completed().containsKey(justPractised)) {
            double posterior = model.posterior(justPractised);
            if (posterior >= course.threshold()) {
                turn.propose(new ConceptCompleted(justPractised, ConceptCompleted.Outcome.MASTERED, posterior));
            } else if (isPendingStep(p, justPractised, model) && !p.skipped().contains(justPractised)) {
                Optional<Item> item = nextItem(model, model.progress(), justPractised);
                if (item.isPresent()) {
                    teach(model, turn, justPractised, item.get(), TeachStep.Reason.NEXT_ITEM);
                    return Next.AWAIT_STUDENT;
                }
                turn.propose(new ConceptCompleted(justPractised, ConceptCompleted.Outcome.ITEMS_EXHAUSTED, posterior));
            }
        }
        while (true) {
            CourseProgress now = model.progress();
            Optional<Choice> step = nextStep(model, now);
            if (step.isEmpty()) {
                if (!now.finished() || asked) finish(model, turn, now);
                return Next.AWAIT_STUDENT;
            }
            String concept = step.get().concept();
            Optional<Item> item = nextItem(model, now, concept);
            if (item.isEmpty()) {
                ConceptCompleted.Outcome why = usableItems(model, now, concept).isEmpty()
                        ? ConceptCompleted.Outcome.NO_ITEMS : ConceptCompleted.Outcome.ITEMS_EXHAUSTED;
                turn.propose(new ConceptCompleted(concept, why, model.posterior(concept)));
                continue;
            }
            teach(model, turn, concept, item.get(), step.get().returning()
                    ? TeachStep.Reason.RETURN_TO_SKIPPED : TeachStep.Reason.NEW_CONCEPT);
            return Next.AWAIT_STUDENT;
        }
    }

    private void teach(LearnerModel model, Turn turn, String concept, Item item, TeachStep.Reason reason) {
        CourseProgress p = model.progress();
        turn.propose(new TeachStep(concept, course.concept(concept).name(), item.id(), item.concepts(), item.prompt(), item.choices(),
                p.practised(concept).size() + 1, usableItems(model, p, concept).size(), reason));
    }

    private void finish(LearnerModel model, Turn turn, CourseProgress p) {
        List<String> mastered = new ArrayList<>();
        List<String> notYet = new ArrayList<>();
        for (String goal : p.goals()) {
            if (course.graph().contains(goal) && model.posterior(goal) >= course.threshold()) mastered.add(goal);
            else notYet.add(goal);
        }
        turn.propose(new PlanFinished(mastered, notYet));
    }

    /** The next concept to teach, and whether it comes back from being skipped. */
    record Choice(String concept, boolean returning) {
    }

    private Optional<Choice> nextStep(LearnerModel model, CourseProgress p) {
        PlanAdopted plan = p.plan();
        if (plan == null) return Optional.empty();
        List<PlanStep> pending = new ArrayList<>();
        for (PlanStep s : plan.steps()) if (isPending(model, p, s.concept())) pending.add(s);
        Set<String> skipped = new HashSet<>(p.skipped());
        Set<String> blocked = blockedBy(skipped, pending);
        for (PlanStep s : pending) {
            if (!skipped.contains(s.concept()) && !blocked.contains(s.concept())) return Optional.of(new Choice(s.concept(), false));
        }
        for (PlanStep s : pending) if (skipped.contains(s.concept())) return Optional.of(new Choice(s.concept(), true));
        return Optional.empty();
    }

    /** Steps that build on a skipped step, directly or through other steps: O(steps + edges). */
    private static Set<String> blockedBy(Set<String> skipped, List<PlanStep> steps) {
        Set<String> blocked = new HashSet<>();
        if (skipped.isEmpty()) return blocked;
        java.util.Map<String, PlanStep> byConcept = new java.util.HashMap<>();
        for (PlanStep s : steps) byConcept.put(s.concept(), s);
        Deque<String> todo = new ArrayDeque<>(skipped);
        while (!todo.isEmpty()) {
            PlanStep s = byConcept.get(todo.pop());
            if (s == null) continue;
            for (PlanStep.Edge e : s.enables()) if (blocked.add(e.to())) todo.push(e.to());
        }
        return blocked;
    }

    private boolean isPending(LearnerModel model, CourseProgress p, String concept) {
        return !p.completed().containsKey(concept) && model.posterior(concept) < course.threshold();
    }

    private boolean isPendingStep(CourseProgress p, String concept, LearnerModel model) {
        return p.plan() != null && p.plan().conceptOrder().contains(concept) && isPending(model, p, concept);
    }

    /** Items that assess {@code concept} and no concept still ahead on the plan. */
    private List<Item> usableItems(LearnerModel model, CourseProgress p, String concept) {
        Set<String> ahead = new HashSet<>();
        if (p.plan() != null) {
            for (PlanStep s : p.plan().steps()) if (!s.concept().equals(concept) && isPending(model, p, s.concept())) ahead.add(s.concept());
        }
        List<Item> out = new ArrayList<>();
        for (Item item : course.pack().itemsFor(concept)) {
            if (item.concepts().stream().noneMatch(ahead::contains)) out.add(item);
        }
        return out;
    }

    private Optional<Item> nextItem(LearnerModel model, CourseProgress p, String concept) {
        Set<String> practised = new HashSet<>();
        for (List<String> items : p.practised().values()) practised.addAll(items);
        Item best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Item item : usableItems(model, p, concept)) {
            if (practised.contains(item.id())) continue;
            int rank = (item.concepts().get(0).equals(concept) ? 0 : 4) + (p.seen().contains(item.id()) ? 2 : 0)
                    + (p.diagnosed().contains(item.id()) ? 1 : 0);
            if (rank < bestRank) {
                best = item;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }
}
