package org.convergence.loader.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Theme suggestions with the real embedding model (it ships in a jar, so the tests need no network):
 * known answers for each kind of evidence, no proposal between labels that share only a common word,
 * determinism, the proposals read back as a taxonomy, the model's failures, and the evaluation set.
 */
class ThemeSuggesterTest {

    private static Embedder model;

    @BeforeAll
    static void loadModel() {
        model = Embedder.builtIn();
    }

    private static ThemeSuggester suggester(Taxonomy taxonomy) {
        return new ThemeSuggester(taxonomy, model, ThemeSuggester.Parameters.defaults());
    }

    /** A taxonomy of two themes and a small glossary: the tests' own, so that the built-in one may grow. */
    private static final Taxonomy SMALL = Taxonomy.fromYaml("small.yaml", ("version: test\nthemes:\n"
            + "- {id: trafficking, es: Trata de personas, en: Trafficking in persons}\n"
            + "- {id: return, es: Retorno y reintegración, en: Return and reintegration, aliases: [Readmission]}\n"
            + "glossary:\n- {es: retorno, en: return}\n- {es: migrantes, en: migrants}\n"
            + "- {es: trata de personas, en: human trafficking}\n").getBytes(StandardCharsets.UTF_8));

    @Test
    void theScoreCombinesTheTwoKindsOfEvidence() {
        // no evidence, one kind, both: the stronger, plus half the weaker of what is left
        assertThat(ThemeSuggester.combine(0, 0.5)).isZero();
        assertThat(ThemeSuggester.combine(0.6, 0.5)).isEqualTo(0.6);
        assertThat(ThemeSuggester.combine(0, 0.8)).isCloseTo(3d / 5, within(1e-12)); // (0.8 - 0.5) / 0.5
        assertThat(ThemeSuggester.combine(0.5, 0.75)).isCloseTo(1d / 2 + 1d / 2 * 1d / 2 * 1d / 2, within(1e-12));
        assertThat(ThemeSuggester.combine(1, 1)).isEqualTo(1.0);
    }

    @Test
    void theModelsRealOutputOnAHandfulOfLabels() {
        float[][] v = model.embed(List.of("Combatting human trafficking", "Counter-trafficking", "Remittances",
                "Border management"));
        assertThat(v[0]).hasSize(384);
        double norm = 0;
        for (float x : v[0]) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1, within(1e-5));
        // measured with all-MiniLM-L6-v2 (quantised): paraphrases close, unrelated themes far
        assertThat(Embedder.cosine(v[0], v[1])).isCloseTo(0.73, within(0.02));
        assertThat(Embedder.cosine(v[0], v[2])).isLessThan(0.3);
        assertThat(Embedder.cosine(v[2], v[3])).isLessThan(0.35);
    }

    @Test
    void stemsPutALabelUnderTheThemeItSpellsDifferently() {
        ThemeSuggester.Suggestions s = suggester(SMALL).suggest(List.of("Combatting trafficking in persons"));
        assertThat(s.themeOfLabel()).containsEntry("Combatting trafficking in persons", "trafficking");
        ThemeSuggester.Proposal p = s.forThemes().get(0).labels().get(0);
        assertThat(p.evidence()).contains("shared stems: traffick person").contains("embedding cosine");
        assertThat(p.score()).isGreaterThanOrEqualTo(ThemeSuggester.Parameters.DEFAULT_THRESHOLD);
    }

    @Test
    void spanishMeetsEnglishThroughTheGlossary() {
        // the built-in taxonomy, whose glossary gives retorno = return and readmisión = readmission
        ThemeSuggester.Suggestions s = suggester(Taxonomy.builtIn()).suggest(List.of("Retorno y readmisión de migrantes"));
        assertThat(s.themeOfLabel()).containsEntry("Retorno y readmisión de migrantes", "return-and-reintegration");
        assertThat(s.forThemes().get(0).labels().get(0).evidence()).contains("retorno → return")
                .contains("readmision → readmission");
    }

    @Test
    void labelsMeaningOneNewThemeAreGroupedAndLabelsSharingACommonWordAreNot() {
        ThemeSuggester.Suggestions s = suggester(SMALL).suggest(List.of("Migration data", "Migration governance",
                "Migration data and statistics", "Migration governance frameworks", "Remittances"));
        Map<String, String> theme = s.themeOfLabel();
        assertThat(theme.get("Migration data")).isNotNull().isEqualTo(theme.get("Migration data and statistics"));
        assertThat(theme.get("Migration governance")).isNotNull().isEqualTo(theme.get("Migration governance frameworks"));
        assertThat(theme.get("Migration data")).isNotEqualTo(theme.get("Migration governance"));
        assertThat(s.unmatched()).containsExactly("Remittances");
        assertThat(s.newThemes()).extracting(ThemeSuggester.NewTheme::en)
                .containsExactlyInAnyOrder("Migration data", "Migration governance");
        // a lone label that shares only "migration" with others is proposed for nothing
        assertThat(suggester(SMALL).suggest(List.of("Migration data", "Migration governance")).themeOfLabel()).isEmpty();
    }

    @Test
    void theSameLabelsGiveTheSameFileAndItReadsBackWithTheProposalsAsEntries() {
        List<String> labels = List.of("Combatting trafficking in persons", "Retorno de migrantes", "Migration data",
                "Migration data and statistics", "Remittances");
        ThemeSuggester.Suggestions first = suggester(SMALL).suggest(labels);
        String yaml = SuggestionsFile.write(SMALL, first, "labels.csv", "test");
        String again = SuggestionsFile.write(SMALL, suggester(SMALL).suggest(labels), "labels.csv", "test");
        assertThat(again).isEqualTo(yaml);
        assertThat(yaml).startsWith("# Taxonomy proposed by `convergence themes suggest` for labels.csv")
                .contains("#   Remittances").contains("proposed: true");
        Taxonomy back = Taxonomy.fromYaml("proposals.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(back.themes()).hasSize(SMALL.themes().size() + first.newThemes().size());
        first.themeOfLabel().forEach((label, id) -> {
            Taxonomy.Match m = back.matchOf(label).orElseThrow();
            assertThat(m.theme().id()).as(label).isEqualTo(id);
            assertThat(m.proposed()).as(label).isTrue();
        });
        assertThat(back.matchOf("Trata de personas").orElseThrow().proposed()).isFalse();
        assertThat(back.glossary()).isEqualTo(SMALL.glossary());
    }

    @Test
    void aDamagedOrMissingModelFileEndsWithAClearError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Embedder.fromFolder(dir)).isInstanceOf(Embedder.ModelException.class)
                .hasMessage("The embedding model folder " + dir + " has no model.onnx (it needs model.onnx and"
                        + " tokenizer.json)");
        Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        assertThatThrownBy(() -> Embedder.fromFolder(dir)).isInstanceOf(Embedder.ModelException.class)
                .hasMessageStartingWith("The embedding model in " + dir + " cannot be loaded: ");
    }

    @Test
    void theApproximateNeighboursAreTheExactOnesAlmostAlways() {
        Random random = new Random(13);
        float[][] v = new float[600][32];
        for (float[] x : v) {
            double norm = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
                norm += x[i] * x[i];
            }
            for (int i = 0; i < x.length; i++) {
                x[i] /= (float) Math.sqrt(norm);
            }
        }
        int k = 5;
        int[][] approximate = NearestNeighbours.of(v, k);
        int found = 0;
        for (int i = 0; i < v.length; i++) {
            int self = i;
            int[] exact = java.util.stream.IntStream.range(0, v.length).filter(j -> j != self).boxed()
                    .sorted((a, b) -> Double.compare(Embedder.cosine(v[self], v[b]), Embedder.cosine(v[self], v[a])))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            for (int j : exact) {
                found += java.util.Arrays.stream(approximate[i]).anyMatch(a -> a == j) ? 1 : 0;
            }
        }
        assertThat((double) found / (v.length * k)).isGreaterThan(0.95);
        assertThat(NearestNeighbours.of(v, k)).isDeepEqualTo(approximate); // the same every run
    }

    @Test
    void theNeighbourSearchFindsTheGroupsAllPairsFind() {
        Evaluation e = Evaluation.load();
        Taxonomy taxonomy = Taxonomy.builtIn();
        List<String> labels = e.unmatched(taxonomy);
        Map<String, String> exact = suggester(taxonomy).suggest(labels).themeOfLabel();
        Map<String, String> approximate = new ThemeSuggester(taxonomy, model,
                new ThemeSuggester.Parameters(ThemeSuggester.Parameters.DEFAULT_THRESHOLD, 10, 0)).suggest(labels)
                .themeOfLabel();
        long same = exact.entrySet().stream().filter(x -> x.getValue().equals(approximate.get(x.getKey()))).count();
        assertThat((double) same / exact.size()).isGreaterThan(0.95);
    }

    /**
     * The figures of the README's evaluation table: the whole set, and its two halves by process (the
     * threshold was chosen on the whole set), each with the built-in taxonomy and with the 2002 matrix's
     * themes only. Prints; the targets are checked on the whole set below.
     */
    @Test
    void evaluationTable() {
        Evaluation whole = Evaluation.load();
        Taxonomy only2002;
        try (var in = ThemeSuggesterTest.class.getClassLoader().getResourceAsStream("evaluation/taxonomy-2002-themes.yaml")) {
            only2002 = Taxonomy.fromYaml("taxonomy-2002-themes.yaml", in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Evaluation> parts = new java.util.LinkedHashMap<>();
        parts.put("all 11 processes", whole);
        parts.put("CRM, CSM, SOA, PM, Colombo, Bali", whole.of(java.util.Set.of("CRM", "CSM", "SOA", "PM", "COLOMBO", "BALI")));
        parts.put("Budapest, IGAD, MIDSA, MIDWA, CMC", whole.of(java.util.Set.of("BUDAPEST", "IGAD", "MIDSA", "MIDWA", "CMC")));
        for (Map.Entry<String, Evaluation> part : parts.entrySet()) {
            for (Taxonomy t : List.of(Taxonomy.builtIn(), only2002)) {
                Evaluation e = part.getValue();
                double[] curated = e.score(e.themes(t, null));
                double[] suggested = e.score(e.themes(t, suggester(t).suggest(e.unmatched(t))));
                System.out.printf(java.util.Locale.ROOT, "EVALUATION | %s | %s | %d labels, %.0f pairs | curated P %.3f R %.3f"
                        + " | suggested P %.3f R %.3f%n", part.getKey(), t == only2002 ? "2002 themes" : "built-in",
                        e.labels.size(), suggested[3], curated[0], curated[1], suggested[0], suggested[1]);
            }
        }
    }

    @Test
    void onTheEvaluationSetPrecisionAndRecallMeetTheirTargets() {
        Evaluation e = Evaluation.load();
        Taxonomy taxonomy = Taxonomy.builtIn();
        double[] before = e.score(e.themes(taxonomy, null));
        ThemeSuggester.Suggestions s = suggester(taxonomy).suggest(e.unmatched(taxonomy));
        double[] after = e.score(e.themes(taxonomy, s));
        System.out.printf(java.util.Locale.ROOT, "Evaluation set: %d labels, %.0f pairs of one group; curated matches"
                + " only: precision %.3f recall %.3f; with the suggestions (threshold %.2f): precision %.3f recall %.3f"
                + " (%.0f of %.0f predicted pairs right)%n", e.labels.size(), after[3], before[0], before[1],
                ThemeSuggester.Parameters.DEFAULT_THRESHOLD, after[0], after[1], after[4], after[2]);
        assertThat(after[0]).as("pairwise precision").isGreaterThanOrEqualTo(0.9);
        assertThat(after[1]).as("pairwise recall").isGreaterThanOrEqualTo(0.75);
    }
}
