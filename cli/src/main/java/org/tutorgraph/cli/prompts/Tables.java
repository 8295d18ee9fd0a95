package org.tutorgraph.cli.prompts;

import org.tutorgraph.cli.Terminal;

import java.io.PrintWriter;
import java.util.List;

/** Left-aligned text tables; the last column is not padded. */
final class Tables {
    private Tables() {
    }

    static void print(PrintWriter out, List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] row : rows) for (int i = 0; i < cols - 1; i++) width[i] = Math.max(width[i], row[i].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                if (i > 0) line.append("  ");
                line.append(i == cols - 1 ? row[i] : row[i] + " ".repeat(width[i] - row[i].length()));
            }
            out.println(Terminal.safe(line.toString().stripTrailing()));
        }
    }
}
