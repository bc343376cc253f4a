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
}
