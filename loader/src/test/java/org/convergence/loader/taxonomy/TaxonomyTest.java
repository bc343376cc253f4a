package org.convergence.loader.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.convergence.loader.LoadException;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private final Taxonomy taxonomy = Taxonomy.builtIn();

    @Test
    void matchingIgnoresCaseAccentsAndPunctuationOnly() {
        assertThat(taxonomy.match("GESTION   migratoria")).map(Taxonomy.Theme::id).contains("migration-management");
        assertThat(taxonomy.match("Sistemas de informacion estadistica migratoria (SIEMCA/SIEMMES)**"))
                .map(Taxonomy.Theme::id).contains("migration-statistics");
        assertThat(taxonomy.match("promover los derechos humanos de los migrantes")).map(Taxonomy.Theme::id)
                .contains("human-rights-of-migrants");
    }

    @Test
    void aThemesEnglishAndSpanishNamesMatchAsItsAliasesDo() {
        // the English name of Remesas, which no alias spells
        assertThat(taxonomy.match("Remittances")).map(Taxonomy.Theme::id).contains("remittances");
        assertThat(taxonomy.matchOf("REMITTANCES").orElseThrow().alias()).isNull();
        assertThat(taxonomy.match("Trafficking in persons")).map(Taxonomy.Theme::id).contains("trafficking-in-persons");
        assertThat(taxonomy.match("Human rights of migrants")).map(Taxonomy.Theme::id)
                .contains("human-rights-of-migrants");
        // a broader theme's name too
        assertThat(taxonomy.match("Seguridad")).map(Taxonomy.Theme::id).contains("security");
        // a curated alias wins over another theme's name
        Taxonomy t = parse("themes:\n- {id: a, es: Uno, en: One}\n- {id: b, es: Dos, en: Two, aliases: [one]}\n");
        assertThat(t.match("One")).map(Taxonomy.Theme::id).contains("b");
        assertThat(t.match("Uno")).map(Taxonomy.Theme::id).contains("a");
    }

    @Test
    void proposedAliasesAndThemesCarryTheirScoreAndEvidenceAndMatch() {
        Taxonomy t = parse("themes:\n- id: trafficking\n  es: Trata\n  en: Trafficking\n  aliases:\n  - Trata de personas\n"
                + "  - label: Counter-trafficking\n    proposed: true\n    score: 0.82\n    evidence: 'stems: traffick'\n"
                + "- id: return\n  es: Return\n  en: Return\n  proposed: true\n  score: 0.7\n  evidence: x\n"
                + "glossary:\n- {es: retorno, en: return}\n");
        Taxonomy.Match curated = t.matchOf("trata de personas").orElseThrow();
        assertThat(curated.proposed()).isFalse();
        Taxonomy.Match proposed = t.matchOf("counter trafficking").orElseThrow();
        assertThat(proposed.proposed()).isTrue();
        assertThat(proposed.alias().score()).isEqualTo(0.82);
        assertThat(proposed.alias().evidence()).isEqualTo("stems: traffick");
        assertThat(t.matchOf("Return").orElseThrow().proposed()).isTrue();
        assertThat(t.glossary()).containsExactly(new Taxonomy.Translation("retorno", "return"));
        assertThat(t.theme("trafficking").orElseThrow().labels()).containsExactly("Trata de personas", "Counter-trafficking");
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A}\nglossary:\n- {es: '', en: x}\n"))
                .hasMessageContaining("a glossary entry needs both `es` and `en`");
    }

    @Test
    void nearMissesAreNotMerged() {
        assertThat(taxonomy.match("Derechos Humano")).isEmpty();
        assertThat(taxonomy.match("Gestión migratoria regional")).isEmpty();
    }

    @Test
    void smugglingAndTraffickingStayApartUnderOneBroaderTheme() {
        Taxonomy.Theme smuggling = taxonomy.match("Tráfico de migrantes").orElseThrow();
        Taxonomy.Theme trafficking = taxonomy.match("Tráfico (trata) de personas").orElseThrow();
        assertThat(smuggling.id()).isEqualTo("smuggling-of-migrants");
        assertThat(trafficking.id()).isEqualTo("trafficking-in-persons");
        assertThat(smuggling.broader()).isEqualTo(trafficking.broader()).isEqualTo("smuggling-and-trafficking");
        assertThat(trafficking.note()).contains("trata");
    }

    @Test
    void everyThemeHasBothNames() {
        assertThat(taxonomy.themes()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.es()).isNotBlank())
                .allSatisfy(t -> assertThat(t.en()).isNotBlank());
    }

    private static Taxonomy parse(String yaml) {
        return Taxonomy.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void duplicateAliasAcrossThemesIsAnError() {
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A, aliases: [x]}\n"
                + "- {id: b, es: B, en: B, aliases: ['X ']}\n"))
                .isInstanceOf(LoadException.class)
                .hasMessage("t.yaml: alias `X ` of theme `b` is already an alias of theme `a`");
    }

    @Test
    void unknownOrCyclicBroaderThemeIsAnError() {
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A, broader: zz}\n"))
                .hasMessageContaining("names broader theme `zz`, which is not defined");
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A, broader: b}\n"
                + "- {id: b, es: B, en: B, broader: a}\n")).hasMessageContaining("cycle");
    }

    @Test
    void unknownKeysAndBadIdsAreErrors() {
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A, colour: red}\n"))
                .isInstanceOf(LoadException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> parse("version: x\nthemes:\n  - id: a\n    es: A\n    en: A\n    colour: red\n"))
                .hasMessage("t.yaml:6: invalid taxonomy: unknown key `themes[0].colour`; allowed here: aliases, broader, en,"
                        + " es, evidence, id, note, proposed, score");
        assertThatThrownBy(() -> parse("themes:\n- {id: 'Bad Id', es: A, en: A}\n"))
                .hasMessageContaining("lower-case words joined by hyphens");
    }
}
