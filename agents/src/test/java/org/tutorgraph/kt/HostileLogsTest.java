package org.tutorgraph.kt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logs that are not UTF-8 or have no line breaks: a typed error with the file and the line, never an
 * {@code IOException} without a place ("Input length = 1") or an {@code OutOfMemoryError}. Found by the reliability
 * suite's log fuzzer (cli: org.tutorgraph.reliability.KtLogFuzzTest).
 */
class HostileLogsTest {

    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    private static List<String> problems(LogReader reader, Path file) {
        try {
            reader.read(file);
        } catch (LogFormatException e) {
            return e.problems().stream().map(LogProblem::toString).toList();
        } catch (IOException e) {
            throw new AssertionError("an IOException is for files that cannot be read at all: " + e, e);
        }
        throw new AssertionError("expected " + file + " to be rejected");
    }

    @Test
    void namesTheLineOfABadByteInEveryFormat() throws IOException {
        // a Latin-1 'é' (0xE9) on line 5, after enough text that a buffered decoder would fail lines early
        String head = "x".repeat(10_000);
        Path dkt = write("dkt.csv", concat("2\n1,2\n0,1\n2\nsk" + head + ",caf", new byte[]{(byte) 0xE9}, "\n0,1\n"));
        assertThat(problems(new DktReader(), dkt)).containsExactly(dkt + ":5: not valid UTF-8 (byte 10007 of the line is not);"
                + " save the file as UTF-8");

        Path py = write("py.csv", concat("order_id,skill_name,correct,user_id\n1,a,1,u\n2,caf", new byte[]{(byte) 0xE9}, ",1,u\n3,b,0,u\n"));
        assertThat(problems(new PyBktReader(), py)).containsExactly(py + ":3: not valid UTF-8 (byte 6 of the line is not);"
                + " save the file as UTF-8");

        Path ds = write("ds.txt", concat("Anon Student Id\tCorrect First Attempt\tKC(Default)\ns1\t1\tk\ns", new byte[]{(byte) 0xC0, (byte) 0x80}, "\t0\tk\n"));
        assertThat(problems(new DataShopReader(), ds)).containsExactly(ds + ":3: not valid UTF-8 (byte 2 of the line is not);"
                + " save the file as UTF-8");
    }

    @Test
    void aBadByteInTheHeaderIsOnLineOne() throws IOException {
        Path py = write("h.csv", concat("order_id,skill", new byte[]{(byte) 0xFF}, "_name,correct,user_id\n1,a,1,u\n"));
        assertThat(problems(new PyBktReader(), py)).containsExactly(py + ":1: not valid UTF-8 (byte 15 of the line is not);"
                + " save the file as UTF-8");
    }

    @Test
    void refusesALineLongerThanTheBoundWithoutReadingItIntoMemory() throws Exception {
        Path file = write("long.csv", ("order_id,skill_name,correct,user_id\n1,a,1,u\n2," + "b".repeat(5_000) + ",1,u\n3,c,0,u\n")
                .getBytes(StandardCharsets.UTF_8));
        try (LogLines lines = new LogLines(file, 1_000)) {
            assertThat(lines.next()).startsWith("order_id");
            assertThat(lines.next()).isEqualTo("1,a,1,u");
            assertThatThrownBy(lines::next).isInstanceOf(LogFormatException.class)
                    .hasMessage(file + ":3: line is longer than 1000 bytes; is this a response log?");
            assertThat(lines.next()).isEqualTo("3,c,0,u");
            assertThat(lines.next()).isNull();
        }
    }

    @Test
    void dropsTheByteOrderMarkAndCarriageReturnsAndKeepsLineNumbers() throws Exception {
        Path file = write("bom.csv", concat("", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "order_id,skill_name,correct,user_id\r\n1,a,1,u\r\n\r\n2,a,0,u"));
        ResponseLog log;
        try {
            log = new PyBktReader().read(file);
        } catch (LogFormatException e) {
            throw new AssertionError(e);
        }
        assertThat(ReadersTest.rows(log)).containsExactly("u/a/1", "u/a/0");
        try (LogLines lines = new LogLines(file)) {
            while (lines.next() != null) {
                // count
            }
            assertThat(lines.lineNumber()).isEqualTo(4);
        }
    }
}
