package org.tutorgraph.session;

import org.tutorgraph.graph.CoursePack;
import org.tutorgraph.kt.LogFormatException;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.models.Models;
import org.tutorgraph.pack.BundledCourse;
import org.tutorgraph.session.agent.CourseContext;
import org.tutorgraph.session.agent.Turn;
import org.tutorgraph.session.message.GoalsSet;
import org.tutorgraph.session.message.SessionMessage;
import org.tutorgraph.tutor.LadderPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures for session tests: the bundled course, and a scripted run. */
final class Sessions {

    static final CoursePack PACK = BundledCourse.load();
    static final CourseContext COURSE;

    static {
        try {
            COURSE = CourseContext.of(PACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LogFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private Sessions() {
    }

    static TutoringSession open(LearnerStore store, String learner, String session) {
        return TutoringSession.open(store, LearnerId.of(learner), COURSE, Models.offline(), LadderPolicy.DEFAULT, session);
    }

    /** A display that keeps every message shown. */
    static final class Recorder implements Turn.Display {
        final List<SessionMessage> messages = new ArrayList<>();

        @Override
        public void message(SessionMessage message, boolean streamed) {
            messages.add(message);
        }
    }

    /** Plays one scripted action; returns the phase after it. */
    static Orchestrator.Phase play(TutoringSession s, ScriptedStudent.Action a, Turn.Display d) {
        if (a instanceof ScriptedStudent.Action.Submit submit) return s.submit(submit.turn(), d);
        ScriptedStudent.Action.ChooseGoals g = (ScriptedStudent.Action.ChooseGoals) a;
        return s.setGoals(g.goals(), GoalsSet.Source.CHANGED, String.join(" ", g.goals()), d);
    }
}
