package org.tutorgraph.cli;

/**
 * Makes text safe to print on a terminal: control characters (ESC, CSI, OSC introducers, BEL, backspace, carriage
 * return, C1 controls) are replaced by visible escapes so that neither a student nor a model can move the cursor,
 * retitle the window or hide text. Newlines and tabs pass.
 */
public final class Terminal {

    private Terminal() {
    }

    public static String safe(String text) {
        if (text == null) return "";
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    || c == '\u202e' || c == '\u202d' || c == '\u2066' || c == '\u2067' || c == '\u2068' || c == '\u2069';
            if (control) {
                if (sb == null) sb = new StringBuilder(text.length() + 8).append(text, 0, i);
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
