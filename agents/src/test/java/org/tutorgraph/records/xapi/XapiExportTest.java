package org.tutorgraph.records.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tutorgraph.learner.LearnerId;
import org.tutorgraph.learner.LearnerStore;
import org.tutorgraph.learner.LearnerStores;
import org.tutorgraph.records.LearnerLog;
import org.tutorgraph.records.TestLogs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XapiExportTest {

    private static final String STORE = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    private final XapiExport export = new XapiExport(XapiExport.Options.defaults(STORE));

    private static List<String> verbs(List<ObjectNode> statements) {
        return statements.stream().map(s -> s.at("/verb/display/en-US").asText()).toList();
    }

    private static ObjectNode first(List<ObjectNode> statements, String verb, String objectSuffix) {
        return statements.stream()
                .filter(s -> s.at("/verb/display/en-US").asText().equals(verb) && s.at("/object/id").asText().endsWith(objectSuffix))
                .findFirst().orElseThrow(() -> new AssertionError("no " + verb + " " + objectSuffix));
    }

    @Test
    void turnsTheLearningEventsIntoStatementsInLogOrder() {
        List<ObjectNode> s = export.statements(TestLogs.handLog());
        assertThat(verbs(s)).containsExactly(
                "initialized", "answered", "answered", "answered", "completed", "progressed", "progressed", "progressed",
                "attempted", "asked", "progressed", "progressed", "answered", "experienced", "answered",
                "attempted", "answered", "progressed", "mastered", "attempted", "skipped", "completed", "terminated",
                "initialized", "resumed", "terminated");
        for (ObjectNode st : s) assertThat(XapiSchema.violations(st)).as(st.toString()).isEmpty();
    }

    @Test
    void answersCarryResultRungMasteryAndPlanStep() {
        List<ObjectNode> s = export.statements(TestLogs.handLog());
        ObjectNode wrong = s.stream().filter(st -> st.at("/result/response").asText().equals("3")
                && st.at("/object/id").asText().endsWith("/item/i2")).findFirst().orElseThrow();
        assertThat(wrong.at("/actor/account/homePage").asText()).isEqualTo("urn:tutorgraph");
        assertThat(wrong.at("/actor/account/name").asText()).isEqualTo("ada");
        assertThat(wrong.at("/verb/id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/answered");
        assertThat(wrong.at("/object/id").asText()).isEqualTo("urn:tutorgraph:course/algebra/item/i2");
        assertThat(wrong.at("/object/definition/description/en").asText()).isEqualTo("Solve 2x = 4.");
        assertThat(wrong.at("/result/success").asBoolean(true)).isFalse();
        assertThat(wrong.at("/result/extensions").get(Vocabulary.MISCONCEPTION).asText()).isEqualTo("sign-error");
        assertThat(wrong.at("/timestamp").asText()).isEqualTo("2025-01-31T10:00:50Z");
        JsonNode ext = wrong.at("/context/extensions");
        assertThat(ext.get(Vocabulary.PHASE).asText()).isEqualTo("practice");
        assertThat(ext.get(Vocabulary.HINT_RUNG).toString()).isEqualTo("{\"level\":1,\"rung\":\"ORIENT\"}");
        assertThat(ext.get(Vocabulary.PLAN_STEP).toString()).isEqualTo("{\"number\":1,\"of\":2,\"concept\":\"b\"}");
        assertThat(ext.get(Vocabulary.MASTERY_BEFORE).toString()).isEqualTo("{\"b\":0.15,\"c\":0.08}");
        assertThat(ext.get(Vocabulary.SESSION).asText()).isEqualTo("s1");
        assertThat(wrong.at("/context/contextActivities/parent/0/id").asText()).isEqualTo("urn:tutorgraph:course/algebra/concept/b");
        assertThat(wrong.at("/context/contextActivities/parent/0/definition/name/en").asText()).isEqualTo("Bee");
        assertThat(wrong.at("/context/contextActivities/grouping/0/id").asText()).isEqualTo("urn:tutorgraph:course/algebra");

        // the hint asked first is the evidence of that item: mastery before and after it in the same turn
        ObjectNode asked = first(s, "asked", "/item/i2");
        JsonNode a = asked.at("/context/extensions");
        assertThat(a.get(Vocabulary.HINT_RUNG).toString()).isEqualTo("{\"level\":1,\"rung\":\"ORIENT\"}");
        assertThat(a.get(Vocabulary.MASTERY_BEFORE).toString()).isEqualTo("{\"b\":0.2,\"c\":0.1}");
        assertThat(a.get(Vocabulary.MASTERY_AFTER).toString()).isEqualTo("{\"b\":0.15,\"c\":0.08}");

        ObjectNode right = s.stream().filter(st -> st.at("/object/id").asText().endsWith("/item/i3")
                && st.at("/verb/display/en-US").asText().equals("answered")).findFirst().orElseThrow();
        assertThat(right.at("/result/success").asBoolean()).isTrue();
        assertThat(right.at("/context/extensions").get(Vocabulary.MASTERY_AFTER).toString()).isEqualTo("{\"b\":0.96}");

        // "I don't know" in the diagnosis is a wrong answer; an unreadable one is no evidence either way
        List<ObjectNode> diag = s.stream().filter(st -> st.at("/object/id").asText().endsWith("/item/i5")).toList();
        assertThat(diag).hasSize(2);
        assertThat(diag.get(0).at("/result").has("success")).isFalse();
        assertThat(diag.get(1).at("/result/success").asBoolean(true)).isFalse();
        assertThat(diag.get(1).at("/context/contextActivities/parent/0/id").asText()).endsWith("/diagnosis");
    }

    @Test
    void masteryAndCompletionAreScored() {
        List<ObjectNode> s = export.statements(TestLogs.handLog());
        ObjectNode mastered = first(s, "mastered", "/concept/b");
        assertThat(mastered.at("/result/score/scaled").asDouble()).isEqualTo(0.96);
        assertThat(mastered.at("/result/success").asBoolean()).isTrue();
        ObjectNode progressed = s.stream().filter(st -> st.at("/verb/display/en-US").asText().equals("progressed")
                && st.at("/result/score/scaled").asDouble() == 0.96).findFirst().orElseThrow();
        assertThat(progressed.at("/context/extensions").get(Vocabulary.MASTERY_BEFORE).toString()).isEqualTo("{\"b\":0.15}");
        assertThat(progressed.at("/result/extensions").get(Vocabulary.EVIDENCE).toString()).isEqualTo("{\"answers\":3,\"correct\":1}");
        ObjectNode finished = s.get(21);
        assertThat(finished.at("/object/id").asText()).isEqualTo("urn:tutorgraph:course/algebra");
        assertThat(finished.at("/result/success").asBoolean(true)).isFalse();
        ObjectNode end = s.get(22);
        assertThat(end.at("/result/duration").asText()).isEqualTo("PT1M30S");
        ObjectNode choice = first(s, "attempted", "/item/i4");
        assertThat(choice.at("/object/definition/interactionType").asText()).isEqualTo("choice");
        assertThat(choice.at("/object/definition/choices/1").toString()).isEqualTo("{\"id\":\"B\",\"description\":{\"en\":\"two\"}}");
    }

    @Test
    void idsAreStableAcrossExportsAndDifferBetweenStores() {
        LearnerLog log = TestLogs.handLog();
        List<String> once = export.statements(log).stream().map(s -> s.get("id").asText()).toList();
        List<String> again = new XapiExport(XapiExport.Options.defaults(STORE)).statements(log).stream()
                .map(s -> s.get("id").asText()).toList();
        assertThat(again).isEqualTo(once);
        assertThat(new HashSet<>(once)).hasSameSizeAs(once);
        assertThat(once).allMatch(id -> id.charAt(14) == '5'); // version 5
        List<String> elsewhere = new XapiExport(XapiExport.Options.defaults("ffffffffffffffffffffffffffffffff"))
                .statements(log).stream().map(s -> s.get("id").asText()).toList();
        assertThat(elsewhere).doesNotContainAnyElementsOf(once);
        // the id is the event's: the same seq always gives the same id
        assertThat(once.get(0)).isEqualTo(export.statementId(log, 1).toString());
    }

    @Test
    void simulatedSessionsExportToValidStatementsOfEveryKind() throws Exception {
        try (LearnerStore store = LearnerStores.open(tmp.resolve("l.db").toString())) {
            List<LearnerId> ids = TestLogs.simulate(store, 4, 40, 3);
            XapiExport x = new XapiExport(new XapiExport.Options("https://school.example/", "https://school.example/tutor",
                    "en-GB", store.identity()));
            Set<String> verbs = new HashSet<>();
            Set<String> seen = new HashSet<>();
            List<String> bad = new ArrayList<>();
            for (LearnerId id : ids) {
                LearnerLog log = LearnerLog.read(store, id).orElseThrow();
                assertThat(log.problems()).isEmpty();
                for (ObjectNode s : x.statements(log)) {
                    verbs.add(s.at("/verb/display/en-US").asText());
                    assertThat(seen.add(s.get("id").asText())).isTrue();
                    assertThat(s.at("/object/id").asText()).startsWith("https://school.example/tutor/course/");
                    for (String v : XapiSchema.violations(s)) bad.add(v + " in " + s);
                }
            }
            assertThat(bad).isEmpty();
            assertThat(verbs).contains("initialized", "resumed", "answered", "attempted", "asked", "progressed",
                    "completed", "terminated");
        }
    }

    @Test
    void theSchemaRejectsBrokenStatements() throws Exception {
        ObjectNode good = export.statements(TestLogs.handLog()).get(12);
        assertThat(XapiSchema.violations(good)).isEmpty();
        List<String> breakages = List.of(
                "/actor", "/verb/id", "/object/id", "/id", "/timestamp", "/result/score/scaled", "/context/registration",
                "/actor/account/homePage", "/context/extensions", "/object/definition/interactionType", "/result/duration");
        for (String where : breakages) {
            ObjectNode broken = good.deepCopy();
            switch (where) {
                case "/actor" -> ((ObjectNode) broken.get("actor")).put("mbox", "mailto:ada@example.org"); // two IFIs
                case "/verb/id" -> ((ObjectNode) broken.get("verb")).put("id", "answered");
                case "/object/id" -> ((ObjectNode) broken.get("object")).put("id", "item i2");
                case "/id" -> broken.put("id", "not-a-uuid");
                case "/timestamp" -> broken.put("timestamp", "31/01/2025 10:00");
                case "/result/score/scaled" -> ((ObjectNode) broken.get("result")).putObject("score").put("scaled", 1.5);
                case "/context/registration" -> ((ObjectNode) broken.get("context")).put("registration", "x");
                case "/actor/account/homePage" -> ((ObjectNode) broken.at("/actor/account")).put("homePage", "tutorgraph");
                case "/context/extensions" -> ((ObjectNode) broken.at("/context/extensions")).put("hint-rung", 1);
                case "/object/definition/interactionType" -> ((ObjectNode) broken.at("/object/definition")).put("interactionType", "essay");
                case "/result/duration" -> ((ObjectNode) broken.get("result")).put("duration", "90 seconds");
                default -> throw new IllegalStateException(where);
            }
            assertThat(XapiSchema.violations(broken)).as(where).isNotEmpty();
        }
        ObjectNode noVerb = good.deepCopy();
        noVerb.remove("verb");
        assertThat(XapiSchema.violations(noVerb)).isNotEmpty();
        ObjectNode extra = good.deepCopy();
        extra.put("learner", "ada");
        assertThat(XapiSchema.violations(extra)).isNotEmpty();
    }

    @Test
    void refusesOptionsThatAreNotIris() {
        assertThatThrownBy(() -> new XapiExport.Options("tutorgraph", null, null, STORE))
                .hasMessageContaining("home page must be an absolute IRI");
        assertThatThrownBy(() -> new XapiExport.Options(null, "https://x y/", null, STORE))
                .hasMessageContaining("activity base is not an IRI");
        assertThatThrownBy(() -> new XapiExport.Options(null, null, "english!", STORE))
                .hasMessageContaining("not a language tag");
        assertThat(new XapiExport.Options(null, "https://school.example/t", null, STORE).activityBase())
                .isEqualTo("https://school.example/t/");
        assertThat(XapiExport.segment("a b/é")).isEqualTo("a%20b%2F%C3%A9");
    }
}
