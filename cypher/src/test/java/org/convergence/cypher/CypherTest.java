package org.convergence.cypher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CypherTest {

    @Test
    void splitsSchemaIntoOneStatementPerConstraint() {
        List<String> schema = Cypher.statements("schema/constraints");
        assertThat(schema).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(s -> assertThat(s).containsAnyOf("CREATE CONSTRAINT", "CREATE INDEX").doesNotEndWith(";"));
    }

    @Test
    void loadsStatementsThatTakeParameters() {
        assertThat(Cypher.statement("load/create-process"))
                .contains("UNWIND $rows AS row")
                .contains("CREATE (n:Process {dataset: $key, id: row.id})");
    }

    @Test
    void unknownStatementNamesTheFile() {
        assertThatThrownBy(() -> Cypher.statement("load/no-such-thing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("load/no-such-thing.cypher");
    }

    @Test
    void multiStatementFileIsRefusedWhereOneIsExpected() {
        assertThatThrownBy(() -> Cypher.statement("schema/constraints"))
                .hasMessageContaining("expected exactly 1");
    }

    @Test
    void theBrowserGuideAndStyleReachForNothingOnTheInternet() {
        // Browser renders the guide's Markdown: an image or link there would be fetched or followed
        for (String file : java.util.List.of("guide/guide.md", "guide/style.grass")) {
            org.assertj.core.api.Assertions.assertThat(Cypher.text(file)).as(file)
                    .doesNotContainPattern("(?i)(https?:|ftp:|//[a-z0-9.-]+\\.[a-z]{2,})")
                    .doesNotContainPattern("(?i)<(img|script|iframe|link)")
                    .doesNotContainPattern("!\\[[^\\]]*\\]\\(");
        }
    }
}
