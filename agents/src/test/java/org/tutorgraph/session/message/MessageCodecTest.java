package org.tutorgraph.session.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tutorgraph.learner.MasteryEvents;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

class MessageCodecTest {

    @Test
    void registryHasEveryPermittedRecordByItsSimpleName() {
        Set<String> permitted = Arrays.stream(SessionMessage.class.getPermittedSubclasses())
                .map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(MessageCodec.typeNames()).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(Arrays.stream(SessionMessage.class.getPermittedSubclasses())).allMatch(Class::isRecord);
        assertThat(MessageCodec.typeOf("TutorReply")).contains(TutorReply.class);
        assertThat(MessageCodec.typeOf("Nope")).isEmpty();
    }

    @Test
    void samplesCoverEveryMessageType() {
        Set<String> sampled = new HashSet<>();
        for (SessionMessage m : SampleMessages.all()) sampled.add(m.typeName());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(MessageCodec.typeNames());
    }

    @Test
    void everyMessageTypeRoundTripsToAnEqualRecord() {
        for (SessionMessage m : SampleMessages.all()) {
            var event = MessageCodec.toEvent(m);
            assertThat(event.type()).isEqualTo(m.getClass().getSimpleName());
            SessionMessage back = MessageCodec.fromJson(event.type(), event.payload()).orElseThrow();
            assertThat(back).as(event.payload()).isEqualTo(m);
            assertThat(MessageCodec.toJson(back)).isEqualTo(event.payload());
        }
    }

    @Test
    void payloadIsAPlainObjectOfTheRecordComponentsOnly() throws Exception {
        AnswerGraded graded = (AnswerGraded) SampleMessages.all().stream().filter(m -> m instanceof AnswerGraded).findFirst().orElseThrow();
        JsonNode node = new ObjectMapper().readTree(MessageCodec.toJson(graded));
        Set<String> fields = new HashSet<>();
        node.fieldNames().forEachRemaining(fields::add);
        Set<String> components = Arrays.stream(AnswerGraded.class.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
        assertThat(fields).isEqualTo(components);
        assertThat(node.get("verdict").asText()).isEqualTo("INCORRECT");
        TutorReply reply = (TutorReply) SampleMessages.all().stream().filter(m -> m instanceof TutorReply).findFirst().orElseThrow();
        JsonNode ladder = new ObjectMapper().readTree(MessageCodec.toJson(reply)).get("ladder");
        assertThat(ladder.has("open")).as("helper methods are not properties").isFalse();
        assertThat(ladder.get("level").asInt()).isEqualTo(2);
    }

    @Test
    void masteryUpdatedPayloadSatisfiesTheStoreContract() {
        MasteryUpdated m = new MasteryUpdated("fractions", 0.8125, 3, 0.1875, 2, MasteryUpdated.Cause.PRACTICE);
        var event = MessageCodec.toEvent(m);
        assertThat(event.type()).isEqualTo(MasteryEvents.TYPE);
        MasteryEvents.Update u = MasteryEvents.parse(event.payload());
        assertThat(u).isEqualTo(new MasteryEvents.Update("fractions", 0.8125, 3));
    }

    @Test
    void doublesRoundTripExactly() {
        qt().withFixedSeed(7).forAll(doubles().between(0, 1), integers().between(0, 50)).checkAssert((p, n) -> {
            MasteryUpdated m = new MasteryUpdated("c", p, n, 1 - p, n / 2, MasteryUpdated.Cause.PRACTICE);
            MasteryUpdated back = (MasteryUpdated) MessageCodec.fromJson("MasteryUpdated", MessageCodec.toJson(m)).orElseThrow();
            assertThat(Double.doubleToRawLongBits(back.posterior())).isEqualTo(Double.doubleToRawLongBits(p));
            assertThat(Double.doubleToRawLongBits(back.pUnknown())).isEqualTo(Double.doubleToRawLongBits(1 - p));
        });
    }

    @Test
    void unknownTypesAreSkippedAndBadPayloadsNamed() {
        assertThat(MessageCodec.fromJson("SomethingElse", "{}")).isEmpty();
        assertThatThrownBy(() -> MessageCodec.fromJson("MasteryUpdated", "{\"concept\":\"c\",\"posterior\":2,\"evidence\":1,\"pUnknown\":0,\"correct\":0,\"cause\":\"PRACTICE\"}"))
                .isInstanceOf(MessageCodec.UnreadableMessageException.class)
                .hasMessageContaining("MasteryUpdated").hasMessageContaining("posterior");
        assertThatThrownBy(() -> MessageCodec.fromJson("HintGiven", "{\"item\":\"x\",\"rung\":\"NOPE\",\"requested\":true}"))
                .isInstanceOf(MessageCodec.UnreadableMessageException.class).hasMessageContaining("HintGiven");
    }

    @Test
    void extraFieldsFromANewerVersionAreIgnored() {
        SessionMessage m = MessageCodec.fromJson("ConceptSkipped", "{\"concept\":\"c\",\"item\":null,\"future\":[1,2]}").orElseThrow();
        assertThat(m).isEqualTo(new ConceptSkipped("c", null));
    }

    @Test
    void longStudentTextIsCutAndMarked() {
        StudentTurn t = StudentTurn.of(StudentTurn.Kind.TEXT, "x".repeat(StudentTurn.MAX_TEXT + 10));
        assertThat(t.text()).hasSize(StudentTurn.MAX_TEXT);
        assertThat(t.truncated()).isTrue();
        String surrogate = "a".repeat(StudentTurn.MAX_TEXT - 1) + "\ud83d\ude00";
        assertThat(StudentTurn.of(StudentTurn.Kind.TEXT, surrogate).text()).hasSize(StudentTurn.MAX_TEXT - 1);
        assertThat(StudentTurn.of(StudentTurn.Kind.TEXT, "5").truncated()).isFalse();
    }

    @Test
    void diagnosisPriorIsWrittenInConceptOrder() {
        DiagnosisStarted d = new DiagnosisStarted(1, 5, 0.9, Map.of("b", 0.5, "a", 0.25, "c", 0.75));
        assertThat(MessageCodec.toJson(d)).contains("{\"a\":0.25,\"b\":0.5,\"c\":0.75}");
        assertThat(List.copyOf(d.prior().keySet())).containsExactly("a", "b", "c");
    }
}
