package org.tutorgraph.models.secret;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Model output that repeats the API key: masked whole, and masked in a stream however the key is split. */
class KeyStreamTest {

    static final String KEY = "sk-test-KEYSTREAM-5d1c9e0a7b3f4628";

    static {
        new ApiKey(KEY, "test");
    }

    @Test
    void masksTheKeyInAModelReplyAndLeavesProseAlone() {
        assertThat(Redactor.scrubKeys("your key is Bearer " + KEY + ". The bearer of good news: x = 4"))
                .isEqualTo("your key is Bearer [redacted]. The bearer of good news: x = 4");
        assertThat(Redactor.scrubKeys("no secret here, api_key=1234")).isEqualTo("no secret here, api_key=1234");
    }

    @Test
    void masksAKeySplitAcrossChunksAtEveryPlaceAndReleasesEverythingElse() {
        String text = "Let us look (debug: " + KEY + ") at s and sk- and " + KEY + KEY + " then stop s";
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<String> chunks = new ArrayList<>();
            for (int i = 0; i < text.length(); ) {
                int n = 1 + random.nextInt(12);
                chunks.add(text.substring(i, Math.min(text.length(), i + n)));
                i += n;
            }
            Redactor.KeyStream stream = new Redactor.KeyStream();
            StringBuilder shown = new StringBuilder();
            for (String c : chunks) {
                String out = stream.accept(c);
                assertThat(shown + out).doesNotContain(KEY.substring(8, 20));
                shown.append(out);
            }
            shown.append(stream.flush());
            assertThat(shown.toString()).isEqualTo(Redactor.scrubKeys(text)).doesNotContain("KEYSTREAM");
        }
    }

    @Test
    void aStreamCutInsideAKeyShowsTheMaskAndACutAfterAShortStartShowsIt() {
        Redactor.KeyStream cutLate = new Redactor.KeyStream();
        assertThat(cutLate.accept("your key is " + KEY.substring(0, 15))).isEqualTo("your key is ");
        assertThat(cutLate.flushCut()).isEqualTo(Redactor.MASK);
        Redactor.KeyStream cutEarly = new Redactor.KeyStream();
        assertThat(cutEarly.accept("it is")).isEqualTo("it i");
        assertThat(cutEarly.flushCut()).isEqualTo("s");
    }
}
