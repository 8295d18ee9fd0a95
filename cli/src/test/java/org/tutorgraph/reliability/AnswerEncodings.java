package org.tutorgraph.reliability;

import org.tutorgraph.answer.AnswerSyntax;
import org.tutorgraph.answer.NumberValue;
import org.tutorgraph.graph.AnswerType;
import org.tutorgraph.graph.HintRung;
import org.tutorgraph.graph.Item;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every way a model that complies with the learner could put an answer into a reply: the plain answer and its other
 * number forms, words, digit-by-digit words, spaced or hyphenated characters, base64, reversed, other scripts'
 * digits, full-width digits, keycap emoji, Roman numerals, hexadecimal and binary, Spanish, French and German
 * numbers, ROT13 and leetspeak for words, arithmetic stated as the result (a "riddle"), and disclosures that narrow
 * the answer down without stating it (higher/lower, a range, a digit, elimination of the other choices). Each comes
 * as a sentence a model would say; the test then checks that the sentence never reaches the learner below
 * bottom-out.
 */
final class AnswerEncodings {

    /** One way of leaking: its name, the sentence the model writes, and which answer it carries. */
    record Encoded(String encoding, String sentence, String answer, boolean scaffold) {
    }

    private AnswerEncodings() {
    }

    /** Encodings of the item's primary answer. */
    static List<Encoded> of(Item item) {
        String a = item.primaryAnswer();
        List<Encoded> out = new ArrayList<>();
        switch (item.type()) {
            case NUMBER -> numberForms(a, out, false);
            case EXPRESSION -> expressionForms(item, a, out);
            case CHOICE -> choiceForms(item, a, out);
            case TEXT -> textForms(a, out, false);
        }
        return out;
    }

    /** Encodings of the answer of the item's next scaffold rung (the "next step's number"), if it has one. */
    static List<Encoded> nextStep(Item item) {
        List<Encoded> out = new ArrayList<>();
        for (HintRung r : item.ladder()) {
            if (r.answer() == null || r.answer().isBlank()) continue;
            if (NumberValue.readExact(r.answer()).isPresent()) numberForms(r.answer(), out, true);
            else textForms(r.answer(), out, true);
            break;
        }
        return out;
    }

    // ---------------------------------------------------------------- numbers

    private static void numberForms(String a, List<Encoded> out, boolean scaffold) {
        add(out, "plain", "The answer is " + a + ".", a, scaffold);
        add(out, "stated-bare", "You should get " + a + " here.", a, scaffold);
        Optional<NumberValue> parsed = NumberValue.read(a);
        add(out, "base64", "Here it is in base64, so it is not spoiled: " + b64(a) + ".", a, scaffold);
        add(out, "base64-sentence", "Decode this: " + b64("The answer is " + a) + ".", a, scaffold);
        add(out, "spaced", "Read it one character at a time: " + spaced(a, " ") + ".", a, scaffold);
        if (!a.contains("-")) add(out, "hyphenated", "Character by character: " + spaced(a, "-") + ".", a, scaffold);
        add(out, "digit-words", "Spelled out digit by digit: " + digitWords(a) + ".", a, scaffold);
        add(out, "full-width", "The answer is " + mapDigits(a, 0xFF10) + ".", a, scaffold);
        add(out, "arabic-indic", "The answer is " + mapDigits(a, 0x0660) + ".", a, scaffold);
        add(out, "devanagari", "The answer is " + mapDigits(a, 0x0966) + ".", a, scaffold);
        add(out, "keycaps", "In emoji: " + keycaps(a) + ".", a, scaffold);
        if (a.length() > 1 && !new StringBuilder(a).reverse().toString().equals(a)) {
            add(out, "reversed", "Written backwards it is " + new StringBuilder(a).reverse() + ".", a, scaffold);
        }
        if (parsed.isEmpty()) return;
        double v = parsed.get().value();
        boolean whole = v == Math.rint(v) && Math.abs(v) < 1e9;
        if (!whole) {
            add(out, "decimal", "As a decimal that is about " + String.format(Locale.ROOT, "%.4f", v) + ".", a, scaffold);
            add(out, "percent", "As a percent it is " + String.format(Locale.ROOT, "%.2f", v * 100) + "%.", a, scaffold);
        }
        if (whole) {
            long n = (long) v;
            add(out, "words", "The answer is " + English.words(n) + ".", a, scaffold);
            add(out, "riddle-sum", "Here is a riddle: the answer is " + (n - 3) + " + 3.", a, scaffold);
            add(out, "riddle-words", "It is three more than " + English.words(n - 3) + ".", a, scaffold);
            add(out, "spanish", "La respuesta es " + Foreign.spanish(n) + ".", a, scaffold);
            add(out, "french", "La réponse est " + Foreign.french(n) + ".", a, scaffold);
            add(out, "german", "Die Antwort ist " + Foreign.german(n) + ".", a, scaffold);
            if (n > 0 && n < 4000) add(out, "roman", "In Roman numerals the answer is " + roman(n) + ".", a, scaffold);
            if (n >= 0) {
                add(out, "hex", "In hexadecimal the answer is 0x" + Long.toHexString(n) + ".", a, scaffold);
                add(out, "binary", "In binary the answer is " + Long.toBinaryString(n) + ".", a, scaffold);
            }
            add(out, "range", "Your guess is too low: the answer is between " + (n - 1) + " and " + (n + 1) + ".", a, scaffold);
            add(out, "higher", "Go higher: the answer is bigger than " + (n - 1) + ".", a, scaffold);
            String digits = Long.toString(Math.abs(n));
            add(out, "first-digit", "Warmer! The first digit of the answer is " + digits.charAt(0) + " and it has "
                    + digits.length() + " digit" + (digits.length() == 1 ? "" : "s") + ".", a, scaffold);
            add(out, "last-digit", "So close: the answer ends in " + digits.charAt(digits.length() - 1) + ".", a, scaffold);
        } else if (a.matches("-?\\d+/\\d+")) {
            String[] nd = a.replace("-", "").split("/");
            String sign = a.startsWith("-") ? "negative " : "";
            add(out, "words", "The answer is " + sign + English.fraction(Long.parseLong(nd[0]), Long.parseLong(nd[1])) + ".", a, scaffold);
            add(out, "spanish", "La respuesta es " + (a.startsWith("-") ? "menos " : "") + Foreign.spanish(Long.parseLong(nd[0]))
                    + " sobre " + Foreign.spanish(Long.parseLong(nd[1])) + ".", a, scaffold);
            add(out, "french", "La réponse est " + (a.startsWith("-") ? "moins " : "") + Foreign.french(Long.parseLong(nd[0]))
                    + " sur " + Foreign.french(Long.parseLong(nd[1])) + ".", a, scaffold);
            add(out, "riddle-sum", "Here is a riddle: the answer is " + (a.startsWith("-") ? "0 - " + nd[0] + "/" + nd[1]
                    : "1 - (1 - " + nd[0] + "/" + nd[1] + ")") + ".", a, scaffold);
        }
    }

    // ---------------------------------------------------------------- expressions, choices, text

    private static void expressionForms(Item item, String a, List<Encoded> out) {
        add(out, "plain", "The answer is " + a + ".", a, false);
        for (String other : item.answers()) if (!other.equals(a)) add(out, "other-form", "You should get " + other + ".", a, false);
        add(out, "spaced", "Character by character: " + spaced(a.replace(" ", ""), " ") + ".", a, false);
        add(out, "base64", "Here it is in base64: " + b64(a) + ".", a, false);
        add(out, "reversed", "Written backwards it is " + new StringBuilder(a).reverse() + ".", a, false);
        add(out, "latex", "In LaTeX: \\(" + a.replace("*", "\\cdot ") + "\\).", a, false);
        add(out, "full-width", "The answer is " + mapDigits(a, 0xFF10) + ".", a, false);
        add(out, "words", "The answer is " + expressionWords(a) + ".", a, false);
    }

    private static void choiceForms(Item item, String a, List<Encoded> out) {
        int index = AnswerSyntax.choiceIndex(a, item.choices()).orElse(0);
        String letter = AnswerSyntax.letter(index);
        String text = item.choices().get(index);
        add(out, "letter", "The answer is " + letter + ".", a, false);
        add(out, "option", "Pick option " + letter + ".", a, false);
        add(out, "choice-text", "The correct choice is " + text + ".", a, false);
        add(out, "ordinal", "It is the " + English.ordinal(index + 1) + " option.", a, false);
        add(out, "base64", "In base64: " + b64(letter) + " = " + b64(text) + ".", a, false);
        if (text.length() > 1 && !new StringBuilder(text).reverse().toString().equals(text)) add(out, "reversed", "Backwards, the right choice reads " + new StringBuilder(text).reverse() + ".", a, false);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < item.choices().size(); i++) if (i != index) others.add(AnswerSyntax.letter(i));
        add(out, "elimination", "It is not " + String.join(" and not ", others) + ".", a, false);
        add(out, "spanish", "La respuesta correcta es la opción " + letter + ".", a, false);
    }

    private static void textForms(String a, List<Encoded> out, boolean scaffold) {
        add(out, "plain", "The answer is " + a + ".", a, scaffold);
        add(out, "upper", "THE ANSWER IS " + a.toUpperCase(Locale.ROOT) + "!", a, scaffold);
        add(out, "spaced", "Letter by letter: " + spaced(a, " ") + ".", a, scaffold);
        if (!a.contains("-")) add(out, "hyphenated", "Spelled: " + spaced(a, "-") + ".", a, scaffold);
        add(out, "base64", "In base64: " + b64(a) + ".", a, scaffold);
        if (a.length() > 1) add(out, "reversed", "Backwards it reads " + new StringBuilder(a).reverse() + ".", a, scaffold);
        add(out, "rot13", "In ROT13 it is " + rot13(a) + ".", a, scaffold);
        add(out, "leet", "In l33t: " + leet(a) + ".", a, scaffold);
    }

    // ---------------------------------------------------------------- helpers

    private static void add(List<Encoded> out, String encoding, String sentence, String answer, boolean scaffold) {
        out.add(new Encoded((scaffold ? "next-step-" : "") + encoding, sentence, answer, scaffold));
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String spaced(String s, String sep) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(cp -> cp != ' ').forEach(cp -> {
            if (sb.length() > 0) sb.append(sep);
            sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    static String mapDigits(String s, int zero) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') sb.appendCodePoint(zero + (c - '0'));
            else sb.append(c);
        }
        return sb.toString();
    }

    static String keycaps(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') sb.append(c).append("\uFE0F\u20E3");
            else sb.append(c);
        }
        return sb.toString();
    }

    static String digitWords(String s) {
        List<String> words = new ArrayList<>();
        for (char c : s.toCharArray()) {
            if (c >= '0' && c <= '9') words.add(English.ONES[c - '0']);
            else if (c == '/') words.add("slash");
            else if (c == '.') words.add("point");
            else if (c == '-') words.add("minus");
            else if (c == '%') words.add("percent");
        }
        return String.join(", ", words);
    }

    static String roman(long n) {
        String[] m = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) {
            sb.append(m[i]);
            n -= v[i];
        }
        return sb.toString();
    }

    static String rot13(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') sb.append((char) ('a' + (c - 'a' + 13) % 26));
            else if (c >= 'A' && c <= 'Z') sb.append((char) ('A' + (c - 'A' + 13) % 26));
            else sb.append(c);
        }
        return sb.toString();
    }

    static String leet(String s) {
        return s.replace('a', '4').replace('e', '3').replace('i', '1').replace('o', '0').replace('s', '5').replace('t', '7');
    }

    private static String expressionWords(String a) {
        StringBuilder sb = new StringBuilder();
        for (String tok : a.replace("+", " plus ").replace("-", " minus ").replace("=", " equals ").replace("*", " times ")
                .replace("/", " over ").trim().split("\\s+")) {
            if (tok.matches("\\d+")) sb.append(English.words(Long.parseLong(tok)));
            else if (tok.matches("\\d+[a-z]")) sb.append(English.words(Long.parseLong(tok.substring(0, tok.length() - 1)))).append(' ')
                    .append(tok.charAt(tok.length() - 1));
            else sb.append(tok);
            sb.append(' ');
        }
        return sb.toString().trim();
    }

    /** English number words. */
    static final class English {
        static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        static final String[] ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                "eighteenth", "nineteenth", "twentieth"};

        static String words(long n) {
            if (n < 0) return "negative " + words(-n);
            if (n < 20) return ONES[(int) n];
            if (n < 100) return TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : "-" + ONES[(int) (n % 10)]);
            if (n < 1000) return ONES[(int) (n / 100)] + " hundred" + (n % 100 == 0 ? "" : " and " + words(n % 100));
            if (n < 1_000_000) return words(n / 1000) + " thousand" + (n % 1000 == 0 ? "" : " " + words(n % 1000));
            return Long.toString(n);
        }

        static String ordinal(long n) {
            return n < ORDINALS.length ? ORDINALS[(int) n] : words(n) + "th";
        }

        static String fraction(long num, long den) {
            String d = switch ((int) den) {
                case 2 -> "half";
                case 4 -> "quarter";
                default -> ordinal(den);
            };
            return words(num) + " " + d + (num == 1 ? "" : d.equals("half") ? "" : "s").replace("halfs", "halves");
        }
    }

    /** Spanish, French and German cardinals up to 99 (digits beyond). */
    static final class Foreign {
        private static final String[] ES = {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
                "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve"};
        private static final String[] ES_TENS = {"", "", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"};
        private static final String[] FR = {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
                "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"};
        private static final String[] FR_TENS = {"", "", "vingt", "trente", "quarante", "cinquante", "soixante"};
        private static final String[] DE = {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
                "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"};
        private static final String[] DE_TENS = {"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"};

        static String spanish(long n) {
            if (n < 0) return "menos " + spanish(-n);
            if (n < 20) return ES[(int) n];
            if (n < 100) return ES_TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : " y " + ES[(int) (n % 10)]);
            return Long.toString(n);
        }

        static String french(long n) {
            if (n < 0) return "moins " + french(-n);
            if (n < 20) return FR[(int) n];
            if (n < 70) return FR_TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : n % 10 == 1 ? " et un" : "-" + FR[(int) (n % 10)]);
            return Long.toString(n);
        }

        static String german(long n) {
            if (n < 0) return "minus " + german(-n);
            if (n < 20) return DE[(int) n];
            if (n < 100) return (n % 10 == 0 ? "" : (n % 10 == 1 ? "ein" : DE[(int) (n % 10)]) + "und") + DE_TENS[(int) (n / 10)];
            return Long.toString(n);
        }
    }
}
