package org.convergence.loader.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.SourceText;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class TwoModeCsvParserTest {

    private static SourceText csv(String name, String text) {
        return SourceText.decode(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static LoadPlan parse(String text) {
        return new TwoModeCsvParser(Taxonomy.builtIn()).parse(csv("edges.csv", text), null, null);
    }

    private static LoadException fails(String text) {
        return assertThrows(LoadException.class, () -> parse(text));
    }

    @Test
    void readsEdgesAndNormalisesThemes() {
        LoadPlan plan = parse("process,theme\nA,Remesas\nA,derechos humanos\nB,REMESAS\nB,Something new\n");
        assertThat(plan.nodes().get(NodeKind.PROCESS)).extracting(LoadPlan.NodeRow::id).containsExactly("A", "B");
        assertThat(plan.relationships().get(RelKind.ADDRESSES)).extracting(r -> r.from() + ">" + r.to())
                .containsExactly("A>remittances", "A>human-rights-of-migrants", "B>remittances", "B>Something new");
        assertThat(plan.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.label()).isEqualTo("Something new");
            assertThat(u.line()).isEqualTo(5);
        });
        assertThat(plan.relationships().get(RelKind.ADDRESSES).get(0).props())
                .containsEntry("relation", "LISTED").containsEntry("sourceLine", 2).doesNotContainKey("weight");
    }

    private static List<String> themeIds(LoadPlan plan) {
        return plan.nodes().get(NodeKind.THEME).stream().map(LoadPlan.NodeRow::id).toList();
    }

    @Test
    void labelsOfPunctuationOrSymbolsOnlyStayApart() {
        // their folded keys are all empty: they must not become one theme
        LoadPlan plan = parse("process,theme\nCRM,!!!\nSOA,???\nPPP,\uD83D\uDE42\nCSM,\uD83D\uDE41\nX,!!!\n");
        assertThat(themeIds(plan)).containsExactly("!!!", "???", "\uD83D\uDE42", "\uD83D\uDE41");
    }

    @Test
    void withoutTaxonomyEveryLabelIsItsOwnThemeButUnicodeSpellingsAreOne() {
        LoadPlan plan = new TwoModeCsvParser(Taxonomy.none()).parse(csv("edges.csv",
                "process,theme\nA,Remesas\nB,REMESAS\nC,remes\u00e1s\nD,C++\nE,C#\nF,reme\u0073a\u0301s\n"), null, null);
        // NFD "remesás" is the NFC one: one theme; case, accents and punctuation are not folded
        assertThat(themeIds(plan)).containsExactly("Remesas", "REMESAS", "remes\u00e1s", "C++", "C#");
        // with the taxonomy, the first three are one theme (remittances)
        assertThat(themeIds(parse("process,theme\nA,Remesas\nB,REMESAS\nC,remes\u00e1s\n"))).containsExactly("remittances");
    }

    @Test
    void processIdsAreUnicodeNormalised() {
        LoadPlan plan = parse("process,theme\nComisi\u00f3n,Remesas\nComisio\u0301n,Trata\n");
        assertThat(plan.nodes().get(NodeKind.PROCESS)).extracting(LoadPlan.NodeRow::id).containsExactly("Comisi\u00f3n");
    }

    @Test
    void weightsAreDecimalNumbersNotJavaLiterals() {
        for (String bad : List.of("1d", "2f", "0x1p3", "Infinity", "NaN", "1,5")) {
            assertThat(fails("process,theme,weight\nA,x,\"" + bad + "\"\n").getMessage()).as(bad)
                    .isEqualTo("edges.csv:2: weight `" + bad + "` is not a number (expected a finite number > 0, e.g. 1"
                            + " or 0.5)");
        }
        LoadPlan ok = parse("process,theme,weight\nA,x,1e-3\nB,x,.5\nC,x,2.\n");
        assertThat(ok.relationships().get(RelKind.ADDRESSES)).extracting(r -> r.props().get("weight"))
                .containsExactly(0.001, 0.5, 2.0);
    }

    @Test
    void controlAndDirectionCharactersAreRefusedWithTheirLine() {
        for (String bad : List.of("\u0000", "\u001b[31m", "\u202e", "\u2066")) {
            assertThat(fails("process,theme\nA,x\nB,red" + bad + "label\n").getMessage()).as(bad)
                    .startsWith("edges.csv:3: column 2 holds the control or direction character U+")
                    .contains(String.format("U+%04X at position 4", (int) bad.charAt(0)));
        }
    }

    @Test
    void textAfterAClosingQuoteIsNamedWithItsLine() {
        // found by CsvFuzzTest: the parser's own line went unreported
        assertThat(fails("process,theme\nA,\"x\"y\n").getMessage()).isEqualTo("edges.csv:2: malformed CSV: Invalid"
                + " character between encapsulated token and delimiter (character 20 of the file)");
    }

    @Test
    void anOverlongLabelIsRefusedBeforeTheDatabase() {
        assertThat(fails("process,theme\nA,x\nB," + "y".repeat(200_000) + "\n").getMessage())
                .isEqualTo("edges.csv:3: `theme` is 200,000 characters long, but may have at most 1,000 (it becomes an"
                        + " indexed id in Neo4j)");
    }

    @Test
    void anUnterminatedQuoteIsNamedWithItsLine() {
        assertThat(fails("process,theme\nA,x\nA,\"unterminated\nB,y\n").getMessage())
                .isEqualTo("edges.csv:3: malformed CSV: a quoted field opened here is never closed (a missing \" before"
                        + " the end of the file)");
    }

    @Test
    void relationAndWeightColumnsInAnyOrder() {
        LoadPlan plan = parse("weight,theme,process,relation\n2.5,Remesas,A,action plan\n");
        assertThat(plan.relationships().get(RelKind.ADDRESSES)).singleElement().satisfies(r ->
                assertThat(r.props()).containsEntry("relation", "ACTION_PLAN").containsEntry("weight", 2.5));
    }

    @Test
    void duplicateRowsAreMergedWithWeightsAddedAndReported() {
        LoadPlan plan = parse("process,theme,weight\nA,x,1\nA,x,2\n");
        assertThat(plan.relationships().get(RelKind.ADDRESSES)).singleElement()
                .satisfies(r -> assertThat(r.props()).containsEntry("weight", 3.0));
        assertThat(plan.notes()).singleElement().asString().contains("1 row(s) of edges.csv repeat a process, theme and relation");
    }

    @Test
    void missingHeaderColumnIsNamed() {
        // a required column missing is said first: `topic` here is likely meant as the theme
        LoadException e = fails("process,topic\nA,x\n");
        assertThat(e.getMessage()).isEqualTo("edges.csv:1: missing column `theme` in header `process,topic`; expected"
                + " at least process,theme");
        assertThat(fails("process\nA\n").getMessage()).contains("edges.csv:1: missing column `theme`");
    }

    @Test
    void emptyValuesNameTheirLine() {
        assertThat(fails("process,theme\nA,x\n,y\n").getMessage()).isEqualTo("edges.csv:3: empty `process`");
        assertThat(fails("process,theme\nA,x\nB,\n").getMessage()).isEqualTo("edges.csv:3: empty `theme`");
    }

    @Test
    void badWeightsAreRefused() {
        assertThat(fails("process,theme,weight\nA,x,heavy\n").getMessage())
                .startsWith("edges.csv:2: weight `heavy` is not a number");
        assertThat(fails("process,theme,weight\nA,x,1\nA,y,-1\n").getMessage())
                .startsWith("edges.csv:3: weight `-1` is out of range");
        assertThat(fails("process,theme,weight\nA,x,NaN\n").getMessage()).contains("`NaN` is not a number");
        assertThat(fails("process,theme,weight\nA,x,\n").getMessage()).contains("edges.csv:2: weight ``");
    }

    @Test
    void wrongFieldCountAndEmptyFile() {
        assertThat(fails("process,theme\nA,x\nB,y,z\n").getMessage())
                .isEqualTo("edges.csv:3: row has 3 field(s), the header has 2 (process,theme)");
        assertThat(fails("").getMessage()).contains("empty");
        assertThat(fails("process,theme\n").getMessage()).contains("header but no rows");
    }

    @Test
    void quotedFieldsWithNewlinesKeepLineNumbers() {
        LoadException e = fails("process,theme\n\"A\",\"multi\nline\"\nB,,\n");
        assertThat(e.line()).contains(4);
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] latin1 = "process,theme\nA,x\nB,Migraci\u00f3n\n".getBytes(StandardCharsets.ISO_8859_1);
        LoadException e = assertThrows(LoadException.class, () -> SourceText.decode("latin1.csv", latin1));
        assertThat(e.getMessage()).startsWith("latin1.csv:3: not valid UTF-8 (byte 0xF3");
    }

    @Test
    void aCsvSavedBySpanishLocaleExcelIsReadAndSaidHow() {
        // `;` between fields and Windows-1252 bytes, as "CSV" in a Spanish-locale Excel saves them
        byte[] excel = "process;theme;relation;weight\r\nCRM;Migración y desarrollo;ACTION_PLAN;1,5\r\n"
                .replace("1,5", "1.5").getBytes(SourceText.WINDOWS_1252);
        SourceText text = SourceText.decodeSpreadsheetCsv("mine.csv", excel);
        assertThat(text.encoding()).isEqualTo("Windows-1252");
        LoadPlan plan = new TwoModeCsvParser(Taxonomy.builtIn()).parse(text, null, null);
        assertThat(plan.relationships().get(RelKind.ADDRESSES)).singleElement().satisfies(r -> {
            assertThat(r.from() + ">" + r.to()).isEqualTo("CRM>migration-and-development");
            assertThat(r.props()).containsEntry("relation", "ACTION_PLAN").containsEntry("weight", 1.5);
        });
        assertThat(plan.notes()).contains("mine.csv read as Windows-1252 text with `;` between fields");
        // comma-separated UTF-8, the plain case, is read without a note; tabs are told too
        assertThat(parse("process,theme\nA,x\n").notes()).isEmpty();
        assertThat(new TwoModeCsvParser(Taxonomy.none()).parse(csv("t.csv", "process\ttheme\nA\tx, y\n"), null, null)
                .relationships().get(RelKind.ADDRESSES)).extracting(LoadPlan.RelRow::to).containsExactly("x, y");
        // a comma inside a `;` file's field is text
        LoadPlan semicolons = new TwoModeCsvParser(Taxonomy.none()).parse(csv("s.csv",
                "process;theme\nA;Migración, desarrollo\n"), null, null);
        assertThat(semicolons.relationships().get(RelKind.ADDRESSES)).extracting(LoadPlan.RelRow::to)
                .containsExactly("Migración, desarrollo");
    }

    @Test
    void extraColumnsAreKeptOnTheRelationshipsWhenAskedAndRefusedWithTheWayToKeepThemOtherwise() {
        String text = "process,theme,source,year\nCRM,Remesas,https://example.org/a,2021\nCRM,Remesas,https://example.org/b,2021\n"
                + "SOA,Turismo,,2022\n";
        LoadException refused = fails(text);
        assertThat(refused.getMessage()).isEqualTo("edges.csv:1: unknown column `source`; the columns read are process,"
                + " theme, relation, weight, period; to keep `source` on each relationship, give --keep-columns source (or"
                + " --keep-columns all; in a job file, keepColumns)");
        LoadPlan plan = new TwoModeCsvParser(Taxonomy.builtIn()).parse(csv("edges.csv", text), null, null,
                TwoModeCsvParser.KeepColumns.parse("all"));
        LoadPlan.RelRow crm = plan.relationships().get(RelKind.ADDRESSES).get(0);
        // two rows merged into one relationship keep both sources, the year once
        assertThat(crm.props()).containsEntry("source", "https://example.org/a | https://example.org/b")
                .containsEntry("year", "2021").containsEntry("keptColumns", List.of("source", "year"));
        assertThat(plan.relationships().get(RelKind.ADDRESSES).get(1).props()).doesNotContainKey("source")
                .containsEntry("year", "2022");
        assertThat(plan.notes()).contains("kept column(s) source, year of edges.csv as properties of each relationship");
        // keeping columns is another load of the same file
        LoadPlan one = new TwoModeCsvParser(Taxonomy.builtIn()).parse(csv("edges.csv", text), null, null,
                TwoModeCsvParser.KeepColumns.parse("source,year"));
        assertThat(one.source().fingerprint()).isNotEqualTo(parse("process,theme\nCRM,Remesas\n").source().fingerprint());
        // a name the loader writes itself, or one that is no identifier, cannot be kept
        assertThat(assertThrows(LoadException.class, () -> new TwoModeCsvParser(Taxonomy.builtIn()).parse(csv("e.csv",
                "process,theme,rawLabels\nA,x,y\n"), null, null, TwoModeCsvParser.KeepColumns.ALL)).getMessage())
                .startsWith("e.csv:1: column `rawlabels` cannot be kept: a kept column's header becomes a property name");
        assertThat(assertThrows(LoadException.class, () -> new TwoModeCsvParser(Taxonomy.builtIn()).parse(csv("e.csv",
                "process,theme\nA,x\n"), null, null, TwoModeCsvParser.KeepColumns.parse("year"))).getMessage())
                .isEqualTo("e.csv:1: --keep-columns names `year`, which is not a column of the header `process,theme`");
    }

    @Test
    void attributeFilesAddProperties() {
        LoadPlan plan = new TwoModeCsvParser(Taxonomy.none()).parse(csv("e.csv", "process,theme\nA,x\n"),
                csv("p.csv", "id,name,region\nA,Alpha,North\nC,Gamma,South\n"), csv("t.csv", "id,colour\nx,red\n"));
        assertThat(plan.node(NodeKind.PROCESS, "A").orElseThrow().props()).containsEntry("name", "Alpha")
                .containsEntry("region", "North");
        assertThat(plan.node(NodeKind.THEME, "x").orElseThrow().props()).containsEntry("colour", "red");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("`C`").contains("no themes"));
        LoadException bad = assertThrows(LoadException.class, () -> new TwoModeCsvParser(Taxonomy.none())
                .parse(csv("e.csv", "process,theme\nA,x\n"), csv("p.csv", "id,bad name\nA,1\n"), null));
        assertThat(bad.getMessage()).startsWith("p.csv:1: column `bad name` is not a valid property name");
    }

    @Test
    void sameFactTwiceIsOneEdge() {
        LoadPlan plan = parse("process,theme,relation\nA,Remesas,x\nA,remesas,x\nA,Remesas,y\n");
        List<LoadPlan.RelRow> edges = plan.relationships().get(RelKind.ADDRESSES);
        assertThat(edges).hasSize(2);
        assertThat(edges.get(0).props().get("rawLabels")).isEqualTo(List.of("Remesas", "remesas"));
    }

    // ------------------------------------------------------------ one snapshot per period

    /** The periods a test accepts: four digits, as the engine's rule is stricter still. */
    private static String yearOnly(String period) {
        return period.matches("\\d{4}") ? null : "not a year";
    }

    private static java.util.SortedMap<String, LoadPlan> periods(String edges, String processes) {
        return new TwoModeCsvParser(Taxonomy.builtIn()).parsePeriods(csv("series.csv", edges),
                processes == null ? null : csv("processes.csv", processes), null, TwoModeCsvParser.KeepColumns.NONE,
                TwoModeCsvParserTest::yearOnly);
    }

    private static final String SERIES = "process,theme,period\nA,Remesas,2002\nB,Remesas,2002\nB,Trabajo,2022\n"
            + "C,Remesas,2022\nA,Derechos humanos,2022\n";

    @Test
    void aPeriodColumnSplitsTheRowsIntoOnePlanPerPeriodInOrder() {
        java.util.SortedMap<String, LoadPlan> plans = periods(SERIES, "id,name\nA,Alpha\nB,Beta\nC,Gamma\n");
        assertThat(plans.keySet()).containsExactly("2002", "2022");
        assertThat(plans.get("2002").relationships().get(RelKind.ADDRESSES)).extracting(r -> r.from() + ">" + r.to())
                .containsExactly("A>remittances", "B>remittances");
        assertThat(plans.get("2022").relationships().get(RelKind.ADDRESSES)).extracting(r -> r.from() + ">" + r.to())
                .containsExactly("B>labour", "C>remittances", "A>human-rights-of-migrants");
        // a process of the attribute file that a period does not hold is not part of that snapshot
        assertThat(plans.get("2002").nodes().get(NodeKind.PROCESS)).extracting(LoadPlan.NodeRow::id)
                .containsExactly("A", "B");
        assertThat(plans.get("2022").nodes().get(NodeKind.PROCESS)).extracting(LoadPlan.NodeRow::id)
                .containsExactly("B", "C", "A");
        // each edge keeps the line it came from, in the one file
        assertThat(plans.get("2022").relationships().get(RelKind.ADDRESSES).get(0).props()).containsEntry("sourceLine", 4);
        assertThat(plans.get("2002").source().name()).isEqualTo("series.csv");
    }

    @Test
    void aPeriodChangesOnlyWhenItsOwnRowsDo() {
        java.util.SortedMap<String, LoadPlan> before = periods(SERIES, null);
        java.util.SortedMap<String, LoadPlan> after = periods(SERIES + "C,Trabajo,2022\n", null);
        assertThat(after.get("2002").source().sha256()).isEqualTo(before.get("2002").source().sha256());
        assertThat(after.get("2022").source().sha256()).isNotEqualTo(before.get("2022").source().sha256());
        assertThat(before.get("2002").source().sha256()).isNotEqualTo(before.get("2022").source().sha256());
    }

    @Test
    void aBadOrMissingPeriodIsRefusedWithItsLine() {
        LoadException bad = assertThrows(LoadException.class, () -> periods(SERIES + "D,Remesas,2030-99\n", null));
        assertThat(bad.getMessage()).contains("series.csv").contains(":7").contains("period `2030-99`: not a year");
        LoadException empty = assertThrows(LoadException.class, () -> periods("process,theme,period\nA,Remesas,\n",
                null));
        assertThat(empty.getMessage()).contains(":2").contains("empty `period`");
        // one snapshot's parse refuses a file of several, and the other way round, saying what to do
        LoadException several = fails(SERIES);
        assertThat(several.getMessage()).contains("`period` column").contains("--series");
        LoadException one = assertThrows(LoadException.class, () -> periods("process,theme\nA,Remesas\n", null));
        assertThat(one.getMessage()).contains("no `period` column").contains("--period");
    }

    @Test
    void parseSnapshotsReadsEitherKindOfFile() {
        TwoModeCsvParser parser = new TwoModeCsvParser(Taxonomy.builtIn());
        TwoModeCsvParser.Snapshots one = parser.parseSnapshots(csv("one.csv", "process,theme\nA,Remesas\n"), null, null,
                TwoModeCsvParser.KeepColumns.NONE, TwoModeCsvParserTest::yearOnly);
        assertThat(one.byPeriod()).isNull();
        assertThat(one.plans()).hasSize(1);
        TwoModeCsvParser.Snapshots many = parser.parseSnapshots(csv("series.csv", SERIES), null, null,
                TwoModeCsvParser.KeepColumns.NONE, TwoModeCsvParserTest::yearOnly);
        assertThat(many.plan()).isNull();
        assertThat(many.plans()).hasSize(2);
    }
}
