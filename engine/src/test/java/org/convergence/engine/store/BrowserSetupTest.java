package org.convergence.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convergence.cypher.Cypher;
import org.junit.jupiter.api.Test;

/** The commands Neo4j Browser runs on connecting, and the style as the JSON they carry. */
class BrowserSetupTest {

    @Test
    void theStylesheetBecomesJsonWithEveryRuleAndNoSemicolon() throws Exception {
        String grass = Cypher.text("guide/style.grass");
        String json = BrowserSetup.inlineStyle(grass);
        assertThat(json).doesNotContain(";");
        JsonNode style = new ObjectMapper().readTree(json);
        // one member per rule: the stylesheet writes each rule's selector on a line ending in `{`
        assertThat(style.size()).isEqualTo(grass.lines().filter(l -> l.strip().endsWith("{")).count()).isEqualTo(18);
        assertThat(style.get("node.Process").get("color").asText()).isEqualTo("#C0392B");
        assertThat(style.get("node.Process").get("caption").asText()).isEqualTo("{caption}");
        assertThat(style.get("relationship").get("caption").asText()).isEqualTo("<type>");
        assertThat(style.get("relationship.CONVERGES_WITH").get("shaft-width").asText()).isEqualTo("4px");
        // a comparison's changes: appeared green, vanished grey
        assertThat(style.get("relationship.CONVERGENCE_APPEARED").get("color").asText()).isEqualTo("#1E8449");
        assertThat(style.get("relationship.CONVERGENCE_VANISHED").get("color").asText()).isEqualTo("#7F8C8D");
    }

    @Test
    void quotesKeepBracesAndSemicolonsInsideAValue() {
        assertThat(BrowserSetup.inlineStyle("node.A { caption: '{a}'; color: #111; }\nnode.B {caption:\"{b}\"}"))
                .isEqualTo("{\"node.A\":{\"caption\":\"{a}\",\"color\":\"#111\"},\"node.B\":{\"caption\":\"{b}\"}}");
    }

    @Test
    void theCommandsApplyTheStyleSetTheDataSetClearTheStreamAndOpenTheGuide() {
        String commands = BrowserSetup.postConnectCommands("http://localhost:7474", "events");
        assertThat(commands.split("; ")).hasSize(4);
        assertThat(commands).startsWith("style {\"node\":")
                .endsWith("; param dataset: 'events'; clear; guide http://localhost:7474/static/guide.md");
    }
}
