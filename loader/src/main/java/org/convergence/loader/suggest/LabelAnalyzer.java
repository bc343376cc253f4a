package org.convergence.loader.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * Reads a theme label as {@link ThemeSuggester} compares it: its language (Spanish or English), its
 * English wording (a Spanish label translated word by word through the taxonomy's glossary, longest
 * phrase first, a word found by its Spanish light stem when its exact form is not listed), and the
 * English stems of its content words (Lucene's {@link EnglishAnalyzer}: stop words, possessives and
 * Porter stemming, then the verbs and nouns that name an action on a theme rather than the theme, such
 * as <em>combatting</em>, <em>promoting</em> or <em>strengthening</em>, dropped). Linear in the length
 * of the label; thread-safe.
 */
final class LabelAnalyzer {

    /** Spanish words that mark a label as Spanish and carry no theme. */
    private static final Set<String> SPANISH_FUNCTION = Set.of("de", "del", "la", "las", "los", "el", "y", "e", "en",
            "para", "con", "por", "al", "sobre", "entre", "sus", "su", "otros", "otras", "y/o");
    /** English words that mark a label as English. */
    private static final Set<String> ENGLISH_FUNCTION = Set.of("and", "of", "the", "for", "in", "on", "to", "with",
            "by", "from", "at", "an", "such", "as");
    /**
     * English stems of words that name what is done about a theme, or the form of an activity, not the
     * theme: "Combatting human trafficking" and "Counter-trafficking" are one theme.
     */
    private static final Set<String> ACTION_STEMS = Set.of("combat", "counter", "counteract", "prevent", "promot",
            "strengthen", "ensur", "foster", "enhanc", "improv", "address", "tackl", "fight", "support", "facilit",
            "work", "group", "programm", "program", "relat", "issu", "field", "activ", "measur", "mechan", "area",
            "invest", "oper", "respect", "fulfil", "effort", "initi", "action", "respons");

    private final Map<String, String> phrases = new HashMap<>();
    private final Map<String, String> words = new HashMap<>();
    private final Map<String, String> wordsByStem = new HashMap<>();
    private final Set<String> englishWords = new java.util.HashSet<>();
    private final int longestPhrase;
    private final CharArraySet spanishStop = SpanishAnalyzer.getDefaultStopSet();
    private final Analyzer english = new EnglishAnalyzer();

    /**
     * A label as compared.
     *
     * @param label the label as written
     * @param spanish whether it reads as Spanish
     * @param english its English wording (itself for an English label)
     * @param stems the English stems of its content words, in order, without repeats
     * @param translations the glossary translations used, {@code es → en}, for evidence
     */
    record Analysed(String label, boolean spanish, String english, List<String> stems, List<String> translations) {
    }

    /** @param taxonomy whose glossary translates Spanish labels */
    LabelAnalyzer(Taxonomy taxonomy) {
        int longest = 1;
        for (Taxonomy.Translation t : taxonomy.glossary()) {
            String es = Labels.key(t.es());
            String en = t.en().strip();
            for (String w : Labels.key(t.en()).split(" ")) {
                englishWords.add(w);
            }
            if (es.contains(" ")) {
                phrases.putIfAbsent(es, en);
                longest = Math.max(longest, es.split(" ").length);
            } else {
                words.putIfAbsent(es, en);
                wordsByStem.putIfAbsent(spanishStem(es), en);
            }
        }
        this.longestPhrase = longest;
    }

    /** @return the label read as above */
    Analysed analyse(String label) {
        String folded = Labels.key(label);
        String[] tokens = folded.split(" ");
        // Spanish: its function words, glossary phrases, and glossary words whose English differs; English:
        // its function words and the glossary's English words that are no Spanish word
        int spanishScore = 0;
        int englishScore = 0;
        for (String phrase : phrases.keySet()) {
            if ((" " + folded + " ").contains(" " + phrase + " ")) {
                spanishScore += 2;
            }
        }
        for (String t : tokens) {
            if (SPANISH_FUNCTION.contains(t)) {
                spanishScore++;
            } else if (ENGLISH_FUNCTION.contains(t)) {
                englishScore++;
            } else if (words.containsKey(t)) {
                spanishScore += Labels.key(words.get(t)).equals(t) ? 0 : 1;
            } else if (englishWords.contains(t)) {
                englishScore++;
            }
        }
        boolean spanish = spanishScore > englishScore;
        List<String> translations = new ArrayList<>();
        String text = spanish ? translate(tokens, translations) : label;
        return new Analysed(label, spanish, text, stems(Labels.key(text)), translations);
    }

    private String translate(String[] tokens, List<String> translations) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.length; ) {
            String found = null;
            int length = 0;
            for (int n = Math.min(longestPhrase, tokens.length - i); n >= 2 && found == null; n--) {
                String phrase = String.join(" ", java.util.Arrays.copyOfRange(tokens, i, i + n));
                if (phrases.containsKey(phrase)) {
                    found = phrases.get(phrase);
                    length = n;
                    translations.add(phrase + " → " + found);
                }
            }
            if (found == null) {
                String t = tokens[i];
                length = 1;
                if (words.containsKey(t)) {
                    found = words.get(t);
                } else if (wordsByStem.containsKey(spanishStem(t))) {
                    found = wordsByStem.get(spanishStem(t));
                } else if (!spanishStop.contains(t) && !SPANISH_FUNCTION.contains(t)) {
                    found = t; // not in the glossary: kept as written, so that it still meets its own kind
                }
                if (found != null && !found.equals(t)) {
                    translations.add(t + " → " + found);
                }
            }
            if (found != null) {
                out.add(found);
            }
            i += length;
        }
        return String.join(" ", out);
    }

    private static String spanishStem(String word) {
        char[] chars = word.toCharArray();
        return new String(chars, 0, new SpanishLightStemmer().stem(chars, chars.length));
    }

    private List<String> stems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        try (TokenStream ts = english.tokenStream("label", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String s = term.toString();
                if (!ACTION_STEMS.contains(s) && s.chars().anyMatch(Character::isLetter)) {
                    stems.add(s);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's analyzer failed on a string", e);
        }
        return List.copyOf(stems);
    }
}
