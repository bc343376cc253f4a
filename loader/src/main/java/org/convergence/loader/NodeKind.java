package org.convergence.loader;

/** The kinds of node a load writes, each with its label and the Cypher file that merges a batch. */
public enum NodeKind {
    DOCUMENT("Document", "load/merge-document"),
    PROCESS("Process", "load/merge-process"),
    THEME("Theme", "load/merge-theme"),
    COUNTRY("Country", "load/merge-country"),
    ORGANISATION("Organisation", "load/merge-organisation"),
    FOOTNOTE("Footnote", "load/merge-footnote"),
    JOINT_ACTIVITY("JointActivity", "load/merge-joint-activity");

    private final String label;
    private final String statement;

    NodeKind(String label, String statement) {
        this.label = label;
        this.statement = statement;
    }

    /** @return the Neo4j label */
    public String label() {
        return label;
    }

    /** @return the name of the Cypher file that merges a batch of these nodes */
    public String statement() {
        return statement;
    }
}
