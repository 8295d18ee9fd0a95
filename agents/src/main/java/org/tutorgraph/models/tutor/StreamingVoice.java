package org.tutorgraph.models.tutor;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.tutorgraph.graph.Rung;
import org.tutorgraph.guard.Leak;
import org.tutorgraph.guard.LeakGuard;
import org.tutorgraph.guard.LeakVerdict;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.messages.Messages;
import org.tutorgraph.tutor.GuardedVoice;
import org.tutorgraph.tutor.OfflineVoice;
import org.tutorgraph.tutor.Phrasing;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tutor's words streamed as the model writes them, with the answer-leak guard still in front of every word the
 * student sees. The decision (see src/docs/backends.md):
 * <ul>
 *   <li>At bottom-out (level 4) nothing is secret: tokens go straight to the student.</li>
 *   <li>Below it, tokens go through a {@link GuardedStream}: a sentence is shown once the guard has passed everything
 *       shown so far plus that sentence. On a leak the stream stops (the leaking sentence is never shown), the turn
 *       is regenerated once, whole, with the firmer instruction, and shown after the clean sentences already out; if
 *       that leaks too, the authored rung (or, failing that, a rung that names nothing from the item) follows instead.</li>
 *   <li>A model failure before any word falls back to the guarded offline voice; a stream cut off mid-answer keeps the
 *       clean sentences shown and adds the authored rung after them.</li>
 * </ul>
 * What reaches {@code out} is exactly {@link GuardedVoice.Spoken#text()}, in order, so the session can record the
 * turn as shown. Same contract and same fallbacks as {@link GuardedVoice#speak}, which it replaces when streaming.
 */
public final class StreamingVoice {

    private final LlmVoice voice;
    private final LeakGuard guard;
    private final GuardedVoice offline;

    public StreamingVoice(LlmVoice voice, LeakGuard guard) {
        this.voice = voice;
        this.guard = guard;
        this.offline = new GuardedVoice(voice.offline(), guard, voice.offline().messages());
    }

    /**
     * Phrases {@code request}, streaming the words to {@code out}, guarded at ladder level {@code level}.
     *
     * @param learnerSaid what the learner typed on this step (quoting it is not a leak)
     */
    public GuardedVoice.Spoken speak(Phrasing request, int level, List<String> learnerSaid, Consumer<String> out) {
        if (!voice.usesModel(request) || voice.gateway().circuitOpen()) return whole(offline.speak(request, level, learnerSaid), out);
        ModelResult<List<ChatMessage>> messages = voice.messages(request);
        if (messages instanceof ModelResult.Failed<List<ChatMessage>> f) {
            voice.notices().failed(f.failure());
            return whole(offline.speak(request, level, learnerSaid), out);
        }
        List<ChatMessage> first = messages.valueIfOk().orElseThrow();
        ChatRequest chat = ChatRequest.builder().messages(first).build();
        if (level >= Rung.BOTTOM_OUT.level()) return unguarded(request, chat, out);

        Leak[] found = new Leak[1];
        GuardedStream stream = new GuardedStream(text -> {
            LeakVerdict v = guard.check(request.item(), level, text, learnerSaid);
            if (v.leaked()) found[0] = v.first().orElseThrow();
            return v.leaked();
        }, out);
        StringBuilder received = new StringBuilder();
        ModelResult<ChatResponse> r = voice.gateway().stream(chat, t -> {
            received.append(t);
            return stream.accept(t);
        });
        if (r instanceof ModelResult.Failed<ChatResponse> f) {
            voice.notices().failed(f.failure());
            GuardedVoice.Spoken fallback = offline.speak(request, level, learnerSaid);
            return after(stream.shown(), fallback.text(), fallback.replaced(), fallback.fallback(), request, level, learnerSaid, out);
        }
        if (!stream.leaked()) stream.finish();
        if (!stream.leaked()) {
            voice.notices().succeeded(voice.gateway().settings().role());
            return new GuardedVoice.Spoken(stream.shown(), Optional.empty(), Optional.empty());
        }
        Leak leak = found[0];
        // regenerate once, whole, with the firmer instruction after the leaking reply
        ModelResult<List<ChatMessage>> again = voice.regeneration(request, first, received.toString());
        if (again instanceof ModelResult.Ok<List<ChatMessage>> ok) {
            ModelResult<ChatResponse> second = voice.gateway().chat(ChatRequest.builder().messages(ok.value()).build());
            if (second instanceof ModelResult.Ok<ChatResponse> s) {
                String text = s.value().aiMessage().text().strip();
                if (!text.isEmpty() && !guard.check(request.item(), level, join(stream.shown(), text), learnerSaid).leaked()) {
                    out.accept(separator(stream.shown()) + text);
                    return new GuardedVoice.Spoken(join(stream.shown(), text), Optional.of(leak),
                            Optional.of(GuardedVoice.Fallback.REGENERATED));
                }
            } else {
                voice.notices().failed(second.failureIfAny().orElseThrow());
            }
        } else {
            voice.notices().failed(again.failureIfAny().orElseThrow());
        }
        Optional<Rung> rung = request.rung();
        Optional<String> authored = rung.flatMap(x -> OfflineVoice.authored(request.item(), x));
        if (authored.isPresent() && !guard.check(request.item(), level, join(stream.shown(), authored.get()), learnerSaid).leaked()) {
            out.accept(separator(stream.shown()) + authored.get());
            return new GuardedVoice.Spoken(join(stream.shown(), authored.get()), Optional.of(leak),
                    Optional.of(GuardedVoice.Fallback.AUTHORED_RUNG));
        }
        String safe = lastResort(request);
        out.accept(separator(stream.shown()) + safe);
        return new GuardedVoice.Spoken(join(stream.shown(), safe), Optional.of(leak), Optional.of(GuardedVoice.Fallback.SAFE_TEXT));
    }

    /** Bottom-out: streamed as is; a reply that fails, or never states the answer, is followed by the authored rung. */
    private GuardedVoice.Spoken unguarded(Phrasing request, ChatRequest chat, Consumer<String> out) {
        StringBuilder shown = new StringBuilder();
        ModelResult<ChatResponse> r = voice.gateway().stream(chat, t -> {
            shown.append(t);
            out.accept(t);
            return true;
        });
        if (r instanceof ModelResult.Failed<ChatResponse> f) voice.notices().failed(f.failure());
        String text = shown.toString();
        if (r.isOk() && !text.isBlank() && voice.statesAnswer(request, text)) {
            voice.notices().succeeded(voice.gateway().settings().role());
            return new GuardedVoice.Spoken(text, Optional.empty(), Optional.empty());
        }
        String authored = voice.offline().phrase(request);
        out.accept(separator(text) + authored);
        return new GuardedVoice.Spoken(join(text, authored), Optional.empty(),
                text.isBlank() ? Optional.empty() : Optional.of(GuardedVoice.Fallback.AUTHORED_RUNG));
    }

    /** Text after clean sentences already shown, checked as a whole; if the whole would leak, a safe rung instead. */
    private GuardedVoice.Spoken after(String shown, String text, Optional<Leak> replaced, Optional<GuardedVoice.Fallback> how,
                                      Phrasing request, int level, List<String> learnerSaid, Consumer<String> out) {
        if (shown.isEmpty()) return whole(new GuardedVoice.Spoken(text, replaced, how), out);
        String next = text;
        if (guard.check(request.item(), level, join(shown, text), learnerSaid).leaked()) {
            next = lastResort(request);
        }
        out.accept(separator(shown) + next);
        return new GuardedVoice.Spoken(join(shown, next), replaced, how.or(() -> Optional.of(GuardedVoice.Fallback.AUTHORED_RUNG)));
    }

    /** Words that name nothing from the item, in the course's language: the rung's safe text, or "have another look". */
    private String lastResort(Phrasing request) {
        Messages say = voice.offline().messages().in(request.language());
        return request.rung().map(r -> OfflineVoice.safe(r, say)).orElseGet(() -> say.text("voice.lookAgain"));
    }

    private static GuardedVoice.Spoken whole(GuardedVoice.Spoken s, Consumer<String> out) {
        out.accept(s.text());
        return s;
    }

    private static String separator(String shown) {
        return shown.isEmpty() || Character.isWhitespace(shown.charAt(shown.length() - 1)) ? "" : " ";
    }

    private static String join(String shown, String next) {
        return shown + separator(shown) + next;
    }
}
