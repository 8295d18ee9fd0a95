package org.tutorgraph.importers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportersTest {

    @Test
    void findsEachImporterByItsFormatName() {
        assertThat(Importers.formats()).containsExactly("csv", "metacademy", "ccssm", "lecturebank");
        for (String f : Importers.formats()) assertThat(Importers.forFormat(f)).hasValueSatisfying(i -> assertThat(i.format()).isEqualTo(f));
        assertThat(Importers.forFormat(" CCSSM ")).get().isInstanceOf(CcssmImporter.class);
    }

    @Test
    void knowsNoOtherFormat() {
        assertThat(Importers.forFormat("oatutor")).isEmpty();
        assertThat(Importers.forFormat(null)).isEmpty();
    }
}
