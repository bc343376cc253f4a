package org.convergence.loader.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.convergence.loader.LoadException;
import org.convergence.loader.Location;
import org.convergence.loader.SourceText;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

/** The rules that read a cell's theme items, and the text layout read into a {@link MatrixDocument}. */
class MatrixDocumentTest {

    private static final Location HERE = new Location.SheetCell("Matriz", "B7");

    @Test
    void bulletedLinesAreItemsAndOtherLinesNotes() {
        MatrixDocument.Cell cell = MatrixDocument.Cell.of("· Remesas\n\n• Trata; de personas**\nSolo migración", HERE);
        assertThat(cell.items()).extracting(MatrixDocument.Item::rawLabel)
                .containsExactly("Remesas", "Trata; de personas**");
        assertThat(cell.items().get(1).label()).isEqualTo("Trata; de personas");
        assertThat(cell.items().get(1).footnoteMarker()).contains("**");
        assertThat(cell.items()).extracting(MatrixDocument.Item::position).containsExactly(1, 2);
        assertThat(cell.notes()).extracting(MatrixDocument.Line::text).containsExactly("Solo migración");
    }

    @Test
    void withoutBulletsEachLineHoldsItemsSeparatedBySemicolonsAndParenthesesAreNotes() {
        MatrixDocument.Cell cell = MatrixDocument.Cell.of("Remesas; Trata de personas ;\r\nTurismo*\n(Solo migración)",
                HERE);
        assertThat(cell.items()).extracting(MatrixDocument.Item::label)
                .containsExactly("Remesas", "Trata de personas", "Turismo");
        assertThat(cell.items()).extracting(MatrixDocument.Item::position).containsExactly(1, 2, 3);
        assertThat(cell.items().get(0).footnoteMarker()).isEmpty();
        assertThat(cell.notes()).extracting(MatrixDocument.Line::text).containsExactly("(Solo migración)");
    }

    @Test
    void theSeedAsALayout() {
        MatrixDocument doc = MatrixText.read(SeedMatrixParser.builtInSource());
        assertThat(doc.processColumns()).extracting(MatrixDocument.ProcessColumn::code)
                .containsExactly("CRM", "SOA", "PPP");
        assertThat(doc.rows()).extracting(r -> r.kind().orElseThrow()).containsExactly(RowKind.values());
        assertThat(doc.rows().get(0).location()).isEqualTo(new Location.TextLine(24));
        assertThat(doc.footnotes()).extracting(MatrixDocument.Footnote::marker).containsExactly("*", "**", "*");
        assertThat(doc.preamble()).hasSize(7);
        assertThat(doc.origin().format()).isEqualTo(MatrixDocument.Format.TEXT);
    }

    @Test
    void aFootnoteMarkerWithoutFootnoteNamesTheLineOfItsTheme() {
        String broken = SeedMatrixParser.builtInSource().text()
                .replace("**En apoyo al Estatuto", "***En apoyo al Estatuto");
        LoadException e = org.junit.jupiter.api.Assertions.assertThrows(LoadException.class, () ->
                new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn())
                        .parse(SourceText.decode("m.txt", broken.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.getMessage()).startsWith("m.txt:111: footnote marker `**` on `Seguridad Hemisférica**` of SOA"
                + " has no footnote text");
    }
}
