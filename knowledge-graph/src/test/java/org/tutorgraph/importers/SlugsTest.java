package org.tutorgraph.importers;

import org.junit.jupiter.api.Test;
import org.tutorgraph.pack.CoursePackLoader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void keepsValidIdsAndSlugifiesTheRest() {
        assertThat(Slugs.assign(List.of("K.CC.A.1", "fisher_kernel", "Neural Machine Translation", "Café au lait!", "  ")))
                .containsExactly(Map.entry("K.CC.A.1", "K.CC.A.1"), Map.entry("fisher_kernel", "fisher_kernel"),
                        Map.entry("Neural Machine Translation", "neural-machine-translation"),
                        Map.entry("Café au lait!", "cafe-au-lait"), Map.entry("  ", "concept"));
    }

    @Test
    void numbersClashesInSortedOrderWhateverTheFileOrder() {
        Map<String, String> one = Slugs.assign(List.of("a b", "a-b", "A  B", "a_b!"));
        Map<String, String> other = Slugs.assign(List.of("a_b!", "A  B", "a b", "a-b"));
        assertThat(one).isEqualTo(other);
        assertThat(one.get("a-b")).isEqualTo("a-b"); // a valid id keeps itself
        assertThat(one.values()).containsExactlyInAnyOrder("a-b", "a-b-2", "a-b-3", "a-b-4").doesNotHaveDuplicates();
    }

    @Test
    void idsFromTitlesAreAlwaysSlugs() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("3", "BLEU");
        titles.put("4", "Machine translation");
        titles.put("9", "bleu");
        assertThat(Slugs.assign(titles, false)).containsExactly(
                Map.entry("3", "bleu"), Map.entry("4", "machine-translation"), Map.entry("9", "bleu-2"));
    }

    @Test
    void everySlugIsAValidIdEvenForLongOrOddText() {
        for (String s : List.of("x".repeat(500), "∑∫√", "--a--", "Information Theory: coding, compression", "ÅÄÖ 123")) {
            assertThat(CoursePackLoader.ID.matcher(Slugs.slug(s)).matches()).as(s).isTrue();
            assertThat(Slugs.slug(s).length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        }
    }
}
