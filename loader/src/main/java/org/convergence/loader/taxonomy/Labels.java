package org.convergence.loader.taxonomy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation of free-text labels for matching: the one definition every matcher uses. */
public final class Labels {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Labels() {
    }

    /**
     * The match key of a label: Unicode NFD with combining marks removed (so accents are ignored),
     * lower case in {@link Locale#ROOT}, every run of characters that are neither letters nor digits
     * (spaces, punctuation, slashes, footnote asterisks) turned into one space, trimmed.
     *
     * <p>Example: {@code "Sistemas de Información  (SIEMCA/SIEMMES)**"} becomes
     * {@code "sistemas de informacion siemca siemmes"}.
     *
     * @param label any text
     * @return its match key, possibly empty
     */
    public static String key(String label) {
        String decomposed = Normalizer.normalize(label, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(plain).replaceAll(" ").strip();
    }

    /**
     * A readable, stable identifier made from a label: its {@link #key(String)} with spaces as hyphens.
     *
     * @param label any text with at least one letter or digit
     * @return e.g. {@code "derechos-humanos"} for {@code "Derechos Humanos"}
     */
    public static String slug(String label) {
        return key(label).replace(' ', '-');
    }

    /**
     * Whether {@code phrase} occurs in {@code text} as whole words, ignoring case and accents.
     *
     * @param text text to search
     * @param phrase words to find
     * @return true if the normalised phrase is a whole-word part of the normalised text
     */
    public static boolean mentions(String text, String phrase) {
        String haystack = " " + key(text) + " ";
        String needle = " " + key(phrase) + " ";
        return needle.length() > 2 && haystack.contains(needle);
    }
}
