package org.convergence.loader.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.SourceText;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedMatrixParserTest {

    private static LoadPlan plan;

    @BeforeAll
    static void parseSeed() {
        plan = new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn())
                .parse(SeedMatrixParser.builtInSource());
    }

    private static Map<String, Object> process(String code) {
        return plan.node(NodeKind.PROCESS, code).orElseThrow().props();
    }

    private static Set<String> themes(String code, String relation) {
        return plan.relationships().get(RelKind.ADDRESSES).stream()
                .filter(r -> r.from().equals(code) && relation.equals(r.props().get("relation")))
                .map(LoadPlan.RelRow::to).collect(Collectors.toSet());
    }

    @Test
    void builtInSeedIsTheSharedDocumentVerbatim() {
        assertThat(SeedMatrixParser.builtInSource().sha256())
                .isEqualTo("94c7b1bca3cac84a559b8ac4234912727f479cee8336fdbcff15c29d3f7bc6ab");
    }

    @Test
    void fourProcessesWithTheirAttributes() {
        assertThat(plan.nodes().get(NodeKind.PROCESS)).extracting(LoadPlan.NodeRow::id)
                .containsExactly("CRM", "SOA", "PPP", "CSM");
        assertThat(process("CRM")).containsEntry("name", "Conferencia Regional sobre Migración")
                .containsEntry("startCountry", "México").containsEntry("startYear", 1996)
                .containsEntry("participation", "Directores Generales de Migración y Viceministros de Relaciones Exteriores")
                .containsEntry("geographicArea", "Centro y Norteamérica y República Dominicana");
        assertThat((String) process("CRM").get("objectives")).startsWith("Llevar a cabo el diálogo")
                .endsWith("para los páises que la integran");
        assertThat(process("SOA")).containsEntry("name", "Cumbre de las Américas")
                .containsEntry("startCountry", "Estados Unidos").containsEntry("startYear", 1994)
                .containsEntry("participation", "Jefes de Estado")
                .containsEntry("geographicArea", "Países democráticos de Las Américas")
                .containsEntry("actionPlanNote", "(Solamente temas relacionados con migración)");
        assertThat(process("PPP")).containsEntry("name", "Plan Puebla – Panamá")
                .containsEntry("startCountry", "El Salvador").containsEntry("startYear", 2001)
                .containsEntry("objectives", "Promover el desarrollo sostenible y la integración regional")
                .containsEntry("geographicArea",
                        "Centroamérica y los nueve estados del sur-sureste de México (Mesoamérica)");
    }

    @Test
    void csmComesFromTheFootnote() {
        assertThat(process("CSM")).containsEntry("name", "Conferencia Sudamericana de Migración")
                .containsEntry("startYear", 1999).containsEntry("meetings", "se celebra anualmente")
                .containsEntry("actionPlanStatus", "El Plan de Acción de la CSM está aún en proceso de formulación.");
        List<String> members = plan.relationships().get(RelKind.PARTICIPATES_IN).stream()
                .filter(r -> r.to().equals("CSM")).map(LoadPlan.RelRow::from).toList();
        assertThat(members).containsExactly("argentina", "bolivia", "brazil", "colombia", "chile", "ecuador",
                "guyana", "paraguay", "peru", "uruguay", "venezuela");
        assertThat(themes("CSM", "STATED_PURPOSE")).containsExactlyInAnyOrder("human-rights-of-migrants",
                "trafficking-in-persons", "consular-policy", "migration-management");
        assertThat(themes("CSM", "ACTION_PLAN")).isEmpty();
    }

    @Test
    void actionPlansCellByCell() {
        assertThat(themes("CRM", "ACTION_PLAN")).containsExactlyInAnyOrder("migration-management",
                "human-rights-of-migrants", "migration-and-development");
        assertThat(themes("SOA", "ACTION_PLAN")).containsExactlyInAnyOrder("human-rights-of-migrants",
                "trafficking-in-persons", "migration-and-development", "economic-integration",
                "migration-management", "labour", "social-stability-and-mobility");
        assertThat(themes("PPP", "ACTION_PLAN")).containsExactlyInAnyOrder("sustainable-development",
                "human-development", "natural-disasters", "tourism", "trade", "road-integration",
                "energy-interconnection", "telecommunications-integration");
    }

    @Test
    void areasOfConvergenceCellByCell() {
        Set<String> shared = Set.of("human-rights-of-migrants", "smuggling-of-migrants",
                "origin-transit-destination-cooperation", "remittances", "migration-statistics",
                "migration-management", "technical-cooperation");
        assertThat(themes("CRM", "CONVERGENCE_AREA")).containsAll(shared).contains("regional-migration-security")
                .hasSize(8);
        assertThat(themes("SOA", "CONVERGENCE_AREA")).containsAll(shared).contains("hemispheric-security")
                .hasSize(8);
        assertThat(themes("PPP", "CONVERGENCE_AREA")).containsExactly("migration-statistics");
    }

    @Test
    void rawLabelsAndLinesAreKept() {
        LoadPlan.RelRow ppp = plan.relationships().get(RelKind.ADDRESSES).stream()
                .filter(r -> r.from().equals("PPP") && r.to().equals("migration-statistics")).findFirst().orElseThrow();
        assertThat(ppp.props()).containsEntry("rawLabels",
                List.of("Sistemas de Información Estadística Migratoria (SIEMCA/SIEMMES)"))
                .containsEntry("sourceLines", List.of(112)).containsEntry("row",
                        "Areas de convergencia de temas y/o proyectos");
        LoadPlan.RelRow security = plan.relationships().get(RelKind.ADDRESSES).stream()
                .filter(r -> r.from().equals("SOA") && r.to().equals("hemispheric-security")).findFirst().orElseThrow();
        assertThat(security.props()).containsEntry("rawLabels", List.of("Seguridad Hemisférica**"))
                .containsEntry("footnoteMarker", "**");
    }

    @Test
    void footnotesAnchoredAndLinked() {
        assertThat(plan.nodes().get(NodeKind.FOOTNOTE)).hasSize(3);
        assertThat(plan.relationships().get(RelKind.ANNOTATES_THEME))
                .singleElement().satisfies(r -> assertThat(r.to()).isEqualTo("hemispheric-security"));
        assertThat(plan.relationships().get(RelKind.FOOTNOTE_MENTIONS)).extracting(LoadPlan.RelRow::to)
                .contains("oas", "cicte");
        assertThat(plan.relationships().get(RelKind.PART_OF)).singleElement()
                .satisfies(r -> assertThat(r.from() + ">" + r.to()).isEqualTo("cicte>oas"));
    }

    @Test
    void documentIsProvenance() {
        Map<String, Object> doc = plan.node(NodeKind.DOCUMENT, "matriz-convergencia-antigua-2002").orElseThrow().props();
        assertThat(doc).containsEntry("title",
                "Matriz de Convergencia de los Procesos Regionales de las Américas en el Tema Migratorio")
                .containsEntry("place", "Antigua, Guatemala").containsEntry("dates", "28-29 de Mayo, 2002")
                .containsEntry("dateFrom", java.time.LocalDate.of(2002, 5, 28));
        assertThat(plan.relationships().get(RelKind.PREPARED_BY)).extracting(LoadPlan.RelRow::to)
                .containsExactly("government-of-guatemala");
        assertThat(plan.relationships().get(RelKind.ASSISTED_BY)).extracting(LoadPlan.RelRow::to)
                .containsExactly("iom", "uta");
    }

    @Test
    void jointActivitiesOfTheLastRow() {
        assertThat(plan.nodes().get(NodeKind.JOINT_ACTIVITY)).extracting(n -> n.props().get("name")).containsExactly(
                "Programa Inter Americano de la OEA para promover y proteger los derechos humanos de los migrantes,"
                        + " incluyendo los trabajadores migrantes y sus familias",
                "Conferencia Hemisférica sobre Derechos Humanos y Trata de Migrantes en las Américas",
                "Plan de Trabajo para Combatir la Trata de Migrantes en las Américas");
        assertThat(plan.relationships().get(RelKind.ACTIVITY_MENTIONS)).singleElement()
                .satisfies(r -> assertThat(r.from() + ">" + r.to()).isEqualTo("activity-1>oas"));
    }

    @Test
    void seedMapsEveryLabel() {
        assertThat(plan.unmapped()).isEmpty();
    }

    @Test
    void withoutTaxonomyEveryLabelIsReportedNotGuessed() {
        LoadPlan raw = new SeedMatrixParser(Taxonomy.none(), Organisations.builtIn())
                .parse(SeedMatrixParser.builtInSource());
        assertThat(raw.unmapped()).extracting(LoadPlan.UnmappedLabel::label)
                .contains("Derechos Humanos", "Tráfico (trata) de personas", "Seguridad Hemisférica");
        // "Derechos Humanos" of CRM and SOA is the same label, so it is one theme, not two
        assertThat(raw.node(NodeKind.THEME, "Derechos Humanos")).isPresent();
    }

    private static LoadException parseBroken(String text) {
        SourceText src = SourceText.decode("broken.txt", text.getBytes(StandardCharsets.UTF_8));
        SeedMatrixParser parser = new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn());
        return org.junit.jupiter.api.Assertions.assertThrows(LoadException.class, () -> parser.parse(src));
    }

    @Test
    void shortRowNamesItsLine() {
        String seed = SeedMatrixParser.builtInSource().text();
        String broken = seed.replace("\tJefes de Estado\n\tJefes de Estado\n", "\tJefes de Estado\n");
        LoadException e = parseBroken(broken);
        assertThat(e.line()).contains(34);
        assertThat(e.getMessage()).contains("broken.txt:34").contains("has 2 cells, expected 3");
    }

    @Test
    void unknownRowNamesItsLabel() {
        String broken = SeedMatrixParser.builtInSource().text().replace("\tObjetivos\n", "\tPresupuesto\n");
        assertThat(parseBroken(broken).getMessage()).contains("unknown row `Presupuesto`");
    }

    @Test
    void missingTableIsAnError() {
        assertThatThrownBy(() -> new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn())
                .parse(SourceText.decode("x.txt", "just text\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(LoadException.class).hasMessageContaining("no table");
    }
}
