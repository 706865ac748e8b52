package org.deeprg.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the ASCII/TeX-like notation that studies write in figure texts ({@code sigma_W}, {@code \beta},
 * {@code W^(1)}, {@code chi^2}, {@code e^A}, {@code betaV -> infinity}) into readable Unicode for plots:
 * {@code σ_W}, {@code β}, {@code W⁽¹⁾}, {@code χ²}, {@code eᴬ}, {@code β_V → ∞}.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>TeX commands {@code \alpha ... \Omega}, {@code \sqrt}, {@code \infty}, {@code \partial}, {@code \sum},
 *       {@code \int}, {@code \langle}, {@code \rangle}, {@code \pm}, {@code \times}, {@code \cdot}, {@code \to},
 *       {@code \approx}, {@code \propto}, {@code \le}, {@code \ge}, {@code \ell}, {@code \nabla} become their symbols;
 *       an unknown command loses its backslash.</li>
 *   <li>Operators: {@code ->} → {@code →}, {@code +-} → {@code ±}, {@code <=} → {@code ≤}, {@code >=} → {@code ≥},
 *       {@code sqrt(} → {@code √(}, the word {@code infinity} → {@code ∞}, a minus between spaces → {@code −}.</li>
 *   <li>Greek names as words ({@code beta}, {@code sigma}, {@code Delta}; not inside other words such as
 *       {@code alphabet} or {@code theta}): their letters. A Greek name followed directly by one capital letter is a
 *       name with a subscript in the papers' notation ({@code betaV} = β_V, {@code sigmaW} = σ_W).</li>
 *   <li>Superscripts {@code ^2}, {@code ^-12}, {@code ^A}, {@code ^(1)}, {@code ^{n+1}} and subscripts {@code _0},
 *       {@code _h}, {@code _min}, {@code _{i+1}} become Unicode super/subscript characters where every character of
 *       the operand has one. Operands of digits and signs are converted one by one; to keep a label consistent,
 *       operands with letters are converted all or none: if one of them cannot be written in Unicode
 *       ({@code e^C}: there is no superscript C; {@code sigma_W}: no subscript W), every lettered superscript
 *       (subscript) of that label keeps its ASCII form ({@code e^A, e^C}, not {@code eᴬ, e^C}). An operand that
 *       stays ASCII keeps its form; {@code ^{...}} is written {@code ^(...)}.</li>
 * </ol>
 * Text without any of these patterns is returned unchanged.
 */
public final class TexToUnicode {
    private TexToUnicode() {
    }

    private static final String[][] GREEK = {
            {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"}, {"zeta", "ζ"},
            {"eta", "η"}, {"theta", "θ"}, {"kappa", "κ"}, {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"},
            {"pi", "π"}, {"rho", "ρ"}, {"sigma", "σ"}, {"tau", "τ"}, {"phi", "φ"}, {"chi", "χ"}, {"psi", "ψ"},
            {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"},
            {"Pi", "Π"}, {"Sigma", "Σ"}, {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"}};

    private static final Map<String, String> COMMANDS = commands();

    private static Map<String, String> commands() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String[] g : GREEK) {
            m.put(g[0], g[1]);
        }
        m.put("varepsilon", "ε");
        m.put("vartheta", "ϑ");
        m.put("varphi", "φ");
        m.put("sqrt", "√");
        m.put("infty", "∞");
        m.put("partial", "∂");
        m.put("sum", "Σ");
        m.put("int", "∫");
        m.put("langle", "⟨");
        m.put("rangle", "⟩");
        m.put("pm", "±");
        m.put("times", "×");
        m.put("cdot", "·");
        m.put("to", "→");
        m.put("rightarrow", "→");
        m.put("approx", "≈");
        m.put("propto", "∝");
        m.put("le", "≤");
        m.put("leq", "≤");
        m.put("ge", "≥");
        m.put("geq", "≥");
        m.put("ell", "ℓ");
        m.put("nabla", "∇");
        m.put("sim", "∼");
        return Map.copyOf(m);
    }

    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
    private static final Pattern GREEK_WORD;

    static {
        StringBuilder names = new StringBuilder();
        for (String[] g : GREEK) {
            names.append(names.length() == 0 ? "" : "|").append(g[0]);
        }
        // a whole word, or a word followed by exactly one capital letter (betaV, sigmaW)
        GREEK_WORD = Pattern.compile("(?<![A-Za-z])(" + names + ")(?:([A-Z])(?![A-Za-z]))?(?![a-z])");
    }

    static final String SUPER_FROM = "0123456789+-=()ABDEGHIJKLMNOPRTUVWabcdefghijklmnoprstuvwxyz−";
    static final String SUPER_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁻";
    static final String SUB_FROM = "0123456789+-=()aehijklmnoprstuvxβγρφχ−";
    static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ₋";

    /** The Unicode form of {@code text} (see the class comment); null stays null. */
    public static String convert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = replaceCommands(text);
        s = s.replace("->", "→").replace("+-", "±").replace("<=", "≤").replace(">=", "≥").replace(" - ", " − ");
        s = s.replaceAll("(?<![A-Za-z])log10(?![0-9])", "log₁₀");
        s = s.replaceAll("(?<![A-Za-z])sqrt\\(", "√(").replaceAll("(?<![A-Za-z])infinity(?![A-Za-z])", "∞");
        s = replaceGreek(s);
        s = scripts(s, '^', SUPER_FROM, SUPER_TO);
        s = scripts(s, '_', SUB_FROM, SUB_TO);
        return s;
    }

    private static String replaceCommands(String s) {
        Matcher m = COMMAND.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String sym = COMMANDS.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(sym != null ? sym : m.group(1)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String replaceGreek(String s) {
        Matcher m = GREEK_WORD.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String letter = null;
            for (String[] g : GREEK) {
                if (g[0].equals(m.group(1))) {
                    letter = g[1];
                }
            }
            String rep = m.group(2) == null ? letter : letter + "_" + m.group(2);
            m.appendReplacement(b, Matcher.quoteReplacement(rep));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** One script operand found in the text: [start, end) of "^operand", and its content. */
    private record Operand(int start, int end, String content, boolean braced) {
    }

    /**
     * Converts every {@code marker}-operand of {@code s} if all of them can be written with {@code to}; otherwise
     * writes braces as parentheses and leaves the rest.
     */
    private static String scripts(String s, char marker, String from, String to) {
        java.util.List<Operand> ops = new java.util.ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == marker) {
                Operand op = operand(s, i, marker);
                if (op != null) {
                    ops.add(op);
                    i = op.end() - 1;
                }
            }
        }
        if (ops.isEmpty()) {
            return s;
        }
        // operands of digits and signs always convert; operands with letters all together or not at all
        boolean letters = true;
        for (Operand op : ops) {
            if (hasLetter(op.content())) {
                letters &= convertible(op.content(), from);
            }
        }
        StringBuilder b = new StringBuilder();
        int last = 0;
        for (Operand op : ops) {
            b.append(s, last, op.start());
            boolean convert = convertible(op.content(), from) && (letters || !hasLetter(op.content()));
            if (convert) {
                for (char c : op.content().toCharArray()) {
                    b.append(to.charAt(from.indexOf(c)));
                }
            } else if (op.braced()) {
                String c = op.content();
                boolean single = c.length() == 1 || c.matches("-?[0-9]+|[A-Za-z]+");
                b.append(marker).append(single ? c : "(" + c + ")");
            } else {
                b.append(s, op.start(), op.end());
            }
            last = op.end();
        }
        b.append(s.substring(last));
        return b.toString();
    }

    /** A {@code {...}} or {@code (...)} group opening at {@code j}, prefixed by a sign. */
    private static Operand group(String s, int i, int j, String sign) {
        char open = s.charAt(j);
        char close = open == '{' ? '}' : ')';
        int depth = 0;
        for (int k = j; k < s.length(); k++) {
            char d = s.charAt(k);
            if (d == open) {
                depth++;
            } else if (d == close && --depth == 0) {
                String content = open == '{' ? s.substring(j + 1, k) : s.substring(j, k + 1);
                return new Operand(i, k + 1, sign + content, open == '{' && sign.isEmpty());
            }
        }
        return null;
    }

    private static boolean hasLetter(String content) {
        for (char c : content.toCharArray()) {
            if (Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean convertible(String content, String from) {
        if (content.isEmpty()) {
            return false;
        }
        for (char c : content.toCharArray()) {
            if (from.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The operand after {@code s.charAt(i) == marker}: {@code {...}} (content without braces), {@code (...)} (content
     * with its parentheses), an optionally signed run of digits, or for a subscript a run of letters and digits, for
     * a superscript one letter. Null when nothing follows.
     */
    private static Operand operand(String s, int i, char marker) {
        int j = i + 1;
        if (j >= s.length()) {
            return null;
        }
        char c = s.charAt(j);
        if (c == '{' || c == '(') {
            return group(s, i, j, "");
        }
        int k = j;
        if (c == '-' || c == '+' || c == '−') {
            if (j + 1 < s.length() && s.charAt(j + 1) == '(') {
                return group(s, i, j + 1, String.valueOf(c));
            }
            k++;
            int d = k;
            while (k < s.length() && Character.isDigit(s.charAt(k))) {
                k++;
            }
            return k > d ? new Operand(i, k, s.substring(j, k), false) : null;
        }
        if (Character.isDigit(c)) {
            while (k < s.length() && Character.isDigit(s.charAt(k))) {
                k++;
            }
            return new Operand(i, k, s.substring(j, k), false);
        }
        if (Character.isLetter(c)) {
            if (marker == '^') {
                return new Operand(i, j + 1, String.valueOf(c), false);
            }
            while (k < s.length() && Character.isLetterOrDigit(s.charAt(k))) {
                k++;
            }
            return new Operand(i, k, s.substring(j, k), false);
        }
        return null;
    }
}
