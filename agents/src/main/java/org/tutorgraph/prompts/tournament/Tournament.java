package org.tutorgraph.prompts.tournament;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.tutorgraph.models.call.ModelFailure;
import org.tutorgraph.models.call.ModelGateway;
import org.tutorgraph.models.call.ModelResult;
import org.tutorgraph.models.prompt.Prompts;
import org.tutorgraph.models.tutor.TutorPrompt;
import org.tutorgraph.prompts.PromptLibrary;
import org.tutorgraph.prompts.PromptProblem;
import org.tutorgraph.prompts.PromptRegistry;
import org.tutorgraph.prompts.TutorSituation;
import org.tutorgraph.prompts.tournament.Glicko2.Game;
import org.tutorgraph.prompts.tournament.Glicko2.Rating;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compares prompt variants the way "LLM Prompt Evaluation for Educational Applications" (Holmes et al.) does: every
 * variant phrases the tutor's turn for the same learner situations; a panel of judges compares the replies pairwise
 * on stated criteria, seeing them in random order and without the variants' names; Glicko-2 turns the pairwise
 * results into ratings with deviations, from which pairwise win probabilities follow.
 *
 * <p>Procedure: (1) each variant renders {@code tutor-system} and the case's rung template as the chat does
 * ({@link TutorPrompt}) and the tutor model replies; (2) the cases are shuffled with the seed and dealt into R rating periods; (3) in each period, for each
 * case, each pair of variants, each criterion and each judge, the judge template {@code judge-<criterion>} is
 * rendered with the two replies (order flipped at random per judge) and the judge model answers A, B or tie;
 * (4) at the end of a period every variant's rating is updated from that period's games (overall, and separately per
 * criterion). A judge answer that cannot be read is recorded as invalid and not counted.
 *
 * <p>Every call goes through a {@link ModelGateway} (timeouts, retries with backoff, the circuit breaker, usage
 * metering), so a model failure is a value, not an exception: a failed generation leaves that variant without a reply
 * for the case, and its comparisons on that case are recorded as not judged; a failed judgement is recorded as failed.
 * Neither counts as a win or a loss, and the tournament carries on. After a failure that will not go away by itself
 * (401/403, an unknown model) the role is not called again; its remaining calls are recorded as failed.
 *
 * <p>Cost: V·C tutor calls and C·V(V−1)/2·K·J judge calls (V variants, C cases, K criteria, J judges); rating
 * updates are O(games).
 */
public final class Tournament {

    /**
     * How to run.
     *
     * @param criteria    the judging criteria; each needs a template {@code judge-<criterion>}
     * @param judges      the panel's size; each judge has its own persona and its own random order of the replies
     * @param rounds      rating periods (at most one per case)
     * @param seed        seeds the dealing of cases and the order of replies
     * @param tau         Glicko-2's system constant
     * @param temperature the sampling temperature sent with every call, or null for the server's default
     */
    public record Settings(List<String> criteria, int judges, int rounds, long seed, double tau, Double temperature) {
        public Settings {
            criteria = List.copyOf(criteria);
            if (criteria.isEmpty()) throw new IllegalArgumentException("at least one criterion");
            if (judges < 1) throw new IllegalArgumentException("at least one judge");
            if (rounds < 1) throw new IllegalArgumentException("at least one round");
            if (temperature != null && (temperature < 0 || temperature > 2)) {
                throw new IllegalArgumentException("the temperature must be between 0 and 2");
            }
        }

        /** The server's default temperature. */
        public Settings(List<String> criteria, int judges, int rounds, long seed, double tau) {
            this(criteria, judges, rounds, seed, tau, null);
        }

        public static Settings defaults() {
            return new Settings(PromptRegistry.DEFAULT_CRITERIA, 3, 3, 1, Glicko2.DEFAULT_TAU);
        }
    }

    /** A variant: a name shown in the results (never to the judges) and the templates it renders. */
    public record Variant(String name, PromptLibrary library) {
        public Variant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(library, "library");
        }
    }

    /** The panel's personas; judge n uses persona n (cycling). Like the paper's judges, they differ in background. */
    public static final List<String> PERSONAS = List.of(
            "an experienced middle-school mathematics teacher",
            "a learning scientist who studies tutoring dialogues",
            "a special-education teacher who works with students who find mathematics hard",
            "a mathematics coach who trains new tutors to ask rather than tell",
            "a parent who helps with homework every evening",
            "an instructional designer who writes hint sequences for tutoring software",
            "a secondary-school student who recently learned this topic",
            "a teacher of adult learners returning to mathematics");

    private final Caller tutor;
    private final Caller judge;
    private final PromptLibrary judgeLibrary;
    private final Settings settings;
    private final Consumer<String> progress;

    /**
     * @param tutor        generates each variant's replies (the tutor role's gateway)
     * @param judge        judges the pairs (the judge role's gateway; may reach the same model)
     * @param judgeLibrary where the judge templates come from (the same for every variant)
     * @param progress     receives one line per step and per new kind of failure (for a terminal); may ignore it
     */
    public Tournament(ModelGateway tutor, ModelGateway judge, PromptLibrary judgeLibrary, Settings settings, Consumer<String> progress) {
        this.progress = progress == null ? s -> { } : progress;
        this.tutor = new Caller(Objects.requireNonNull(tutor, "tutor"), "tutor");
        this.judge = new Caller(Objects.requireNonNull(judge, "judge"), "judge");
        this.judgeLibrary = Objects.requireNonNull(judgeLibrary);
        this.settings = Objects.requireNonNull(settings);
    }

    /**
     * Runs the tournament.
     *
     * @throws IllegalArgumentException for fewer than two variants, duplicate names, no cases, or a criterion
     *                                  without a judge template
     */
    public TournamentResult run(List<Variant> variants, List<TournamentCase> cases) {
        check(variants, cases);
        List<String> names = variants.stream().map(Variant::name).toList();
        Map<String, Map<String, TournamentResult.Output>> replies = generate(variants, cases);

        Random random = new Random(settings.seed());
        List<TournamentCase> dealt = new ArrayList<>(cases);
        Collections.shuffle(dealt, random);
        int rounds = Math.min(settings.rounds(), dealt.size());

        Glicko2 glicko = new Glicko2(settings.tau());
        Map<String, Rating> overall = initial(names);
        Map<String, Map<String, Rating>> perCriterion = new LinkedHashMap<>();
        for (String c : settings.criteria()) perCriterion.put(c, initial(names));
        List<Verdict> verdicts = new ArrayList<>();
        int totalJudgements = cases.size() * names.size() * (names.size() - 1) / 2 * settings.criteria().size() * settings.judges();
        int done = 0;

        for (int round = 1; round <= rounds; round++) {
            List<Verdict> period = new ArrayList<>();
            for (int i = round - 1; i < dealt.size(); i += rounds) {
                TournamentCase c = dealt.get(i);
                for (int a = 0; a < names.size(); a++) {
                    for (int b = a + 1; b < names.size(); b++) {
                        for (String criterion : settings.criteria()) {
                            for (int judgeNo = 1; judgeNo <= settings.judges(); judgeNo++) {
                                boolean flip = random.nextBoolean();
                                String shownA = flip ? names.get(b) : names.get(a);
                                String shownB = flip ? names.get(a) : names.get(b);
                                period.add(judge(round, c, criterion, judgeNo, shownA, shownB, replies.get(c.id())));
                                done++;
                                if (done % 10 == 0 || done == totalJudgements) progress.accept("judged " + done + "/" + totalJudgements);
                            }
                        }
                    }
                }
            }
            verdicts.addAll(period);
            overall = ratePeriod(glicko, overall, period, null);
            for (String criterion : settings.criteria()) {
                perCriterion.put(criterion, ratePeriod(glicko, perCriterion.get(criterion), period, criterion));
            }
        }

        List<TournamentResult.Output> outputs = new ArrayList<>();
        for (TournamentCase c : cases) {
            for (String n : names) outputs.add(replies.get(c.id()).get(n));
        }
        Map<String, List<Standing>> byCriterion = new LinkedHashMap<>();
        for (String criterion : settings.criteria()) {
            byCriterion.put(criterion, standings(perCriterion.get(criterion), verdicts, criterion));
        }
        List<ModelFailure> failures = new ArrayList<>(tutor.distinctFailures);
        failures.addAll(judge.distinctFailures);
        return new TournamentResult(settings, standings(overall, verdicts, null), byCriterion, cases.size(), rounds,
                List.copyOf(outputs), List.copyOf(verdicts), List.copyOf(failures));
    }

    private void check(List<Variant> variants, List<TournamentCase> cases) {
        if (variants.size() < 2) throw new IllegalArgumentException("a tournament needs at least two variants");
        Set<String> seen = new HashSet<>();
        for (Variant v : variants) {
            if (!seen.add(v.name())) throw new IllegalArgumentException("two variants are called '" + v.name() + "': give them different folder names");
            for (PromptProblem p : v.library().problems()) progress.accept("variant " + v.name() + ": " + p);
        }
        if (cases.isEmpty()) throw new IllegalArgumentException("no cases");
        for (String criterion : settings.criteria()) {
            String name = PromptRegistry.judgeTemplate(criterion);
            if (judgeLibrary.find(name, "").isEmpty()) {
                throw new IllegalArgumentException("no judge template for criterion '" + criterion + "': add " + name
                        + ".md to your prompts directory (tutor prompts show judge-format is an example)");
            }
        }
    }

    private Map<String, Map<String, TournamentResult.Output>> generate(List<Variant> variants, List<TournamentCase> cases) {
        Map<String, Map<String, TournamentResult.Output>> replies = new HashMap<>();
        int total = variants.size() * cases.size();
        int done = 0;
        for (TournamentCase c : cases) {
            Map<String, TournamentResult.Output> perVariant = new HashMap<>();
            for (Variant v : variants) {
                ModelResult<String> reply = TutorPrompt.messages(v.library()::render, c.situation(), false, tutor.gateway.settings())
                        .flatMap(tutor::reply);
                perVariant.put(v.name(), reply instanceof ModelResult.Failed<String> f
                        ? TournamentResult.Output.failed(c, v.name(), f.failure().summary())
                        : TournamentResult.Output.of(c, v.name(), reply.valueIfOk().orElseThrow().strip()));
                done++;
                progress.accept("generated " + done + "/" + total);
            }
            replies.put(c.id(), perVariant);
        }
        return replies;
    }

    private Verdict judge(int round, TournamentCase c, String criterion, int judgeNo, String shownA, String shownB,
                          Map<String, TournamentResult.Output> replies) {
        TournamentResult.Output a = replies.get(shownA);
        TournamentResult.Output b = replies.get(shownB);
        if (a.failed() || b.failed()) {
            String missing = a.failed() ? shownA : shownB;
            return new Verdict(round, c.id(), criterion, judgeNo, shownA, shownB, Verdict.NOT_JUDGED,
                    "no reply from " + missing + " for this case (its generation failed)");
        }
        TutorSituation s = c.situation();
        String persona = PERSONAS.get((judgeNo - 1) % PERSONAS.size());
        Prompts prompts = judgeLibrary::render;
        ModelResult<String> answer = prompts.tryRender(PromptRegistry.judgeTemplate(criterion),
                        s.judgeVars(a.text(), b.text(), persona), judge.gateway.settings())
                .flatMap(prompt -> judge.reply(List.of(UserMessage.from(prompt))));
        if (answer instanceof ModelResult.Failed<String> f) {
            return new Verdict(round, c.id(), criterion, judgeNo, shownA, shownB, Verdict.FAILED, f.failure().summary());
        }
        String text = answer.valueIfOk().orElseThrow();
        return JudgeAnswer.parse(text)
                .map(j -> new Verdict(round, c.id(), criterion, judgeNo, shownA, shownB,
                        j.winner().equals("A") ? shownA : j.winner().equals("B") ? shownB : Verdict.TIE, j.reason()))
                .orElseGet(() -> new Verdict(round, c.id(), criterion, judgeNo, shownA, shownB, Verdict.INVALID,
                        "unreadable judge answer: " + abbreviate(text)));
    }

    /**
     * One role's calls: through its gateway, with the tournament's temperature. A batch would rather wait for a server
     * than skip calls, so when the circuit breaker has opened (the server failed repeatedly) after the server had
     * answered before, the call waits for the cooldown and is tried once more. The role is not called again after a
     * failure that will not go away by itself: a rejected key, an unknown model, a server that opened the breaker
     * without ever answering, or one still failing after a cooldown. The first failure of each kind is reported to
     * {@code progress} and kept for the result.
     */
    private final class Caller {
        final ModelGateway gateway;
        final String name;
        final List<ModelFailure> distinctFailures = new ArrayList<>();
        ModelFailure permanent;
        ModelFailure lastServerFailure;
        boolean answered;

        Caller(ModelGateway gateway, String name) {
            if (!gateway.available()) throw new IllegalArgumentException("the " + name + " has no model (offline)");
            this.gateway = gateway;
            this.name = name;
        }

        ModelResult<String> reply(List<ChatMessage> messages) {
            if (permanent != null) return ModelResult.failed(permanent);
            ChatRequest.Builder builder = ChatRequest.builder().messages(messages);
            if (settings.temperature() != null) builder.temperature(settings.temperature());
            ChatRequest request = builder.build();
            ModelResult<ChatResponse> r = gateway.chat(request);
            boolean waited = false;
            if (answered && r.failureIfAny().filter(f -> f.kind() == ModelFailure.Kind.CIRCUIT_OPEN).isPresent()) {
                progress.accept("the " + name + " model's server failed repeatedly: waiting for it before trying again");
                try {
                    gateway.awaitCircuit();
                    waited = true;
                    r = gateway.chat(request);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (r instanceof ModelResult.Failed<ChatResponse> f) {
                // an open breaker only says that the server kept failing: report what it failed with
                ModelFailure failure = f.failure().kind() == ModelFailure.Kind.CIRCUIT_OPEN && lastServerFailure != null
                        ? lastServerFailure : f.failure();
                if (failure.kind().serverHealth()) lastServerFailure = failure;
                if (distinctFailures.stream().noneMatch(d -> d.kind() == failure.kind())) {
                    distinctFailures.add(failure);
                    progress.accept(failure.summary());
                }
                boolean lasting = failure.kind() == ModelFailure.Kind.UNAUTHORIZED || failure.kind() == ModelFailure.Kind.MODEL_NOT_FOUND
                        || f.failure().kind() == ModelFailure.Kind.CIRCUIT_OPEN || (waited && failure.kind().serverHealth());
                if (lasting) {
                    permanent = failure;
                    progress.accept("the " + name + " model is not called again in this run: " + failure.advice());
                }
                return ModelResult.failed(failure);
            }
            answered = true;
            return r.map(resp -> resp.aiMessage().text());
        }
    }

    /** One Glicko-2 rating period: every variant's games against the ratings at the period's start. */
    private static Map<String, Rating> ratePeriod(Glicko2 glicko, Map<String, Rating> before, List<Verdict> period, String criterion) {
        Map<String, List<Game>> games = new HashMap<>();
        for (String n : before.keySet()) games.put(n, new ArrayList<>());
        for (Verdict v : period) {
            if (!v.valid() || (criterion != null && !criterion.equals(v.criterion()))) continue;
            games.get(v.shownA()).add(new Game(before.get(v.shownB()), v.scoreOf(v.shownA())));
            games.get(v.shownB()).add(new Game(before.get(v.shownA()), v.scoreOf(v.shownB())));
        }
        Map<String, Rating> after = new LinkedHashMap<>();
        for (Map.Entry<String, Rating> e : before.entrySet()) after.put(e.getKey(), glicko.update(e.getValue(), games.get(e.getKey())));
        return after;
    }

    private static Map<String, Rating> initial(List<String> names) {
        Map<String, Rating> m = new LinkedHashMap<>();
        for (String n : names) m.put(n, Rating.initial());
        return m;
    }

    private static List<Standing> standings(Map<String, Rating> ratings, List<Verdict> verdicts, String criterion) {
        List<Standing> out = new ArrayList<>();
        for (Map.Entry<String, Rating> e : ratings.entrySet()) {
            int w = 0, t = 0, l = 0;
            for (Verdict v : verdicts) {
                if (!v.valid() || (criterion != null && !criterion.equals(v.criterion()))) continue;
                if (!v.shownA().equals(e.getKey()) && !v.shownB().equals(e.getKey())) continue;
                double s = v.scoreOf(e.getKey());
                if (s == 1) w++;
                else if (s == 0.5) t++;
                else l++;
            }
            out.add(new Standing(e.getKey(), e.getValue(), w, t, l));
        }
        out.sort(Comparator.comparingDouble((Standing s) -> -s.rating().rating()).thenComparing(Standing::variant));
        return List.copyOf(out);
    }

    private static String abbreviate(String s) {
        if (s == null) return "(nothing)";
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
