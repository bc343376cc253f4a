package org.convergence.loader;

/** The kinds of node a load writes, each with its label and the Cypher file that creates a batch. */
public enum NodeKind {
    DOCUMENT("Document", "load/create-document"),
    PROCESS("Process", "load/create-process"),
    THEME("Theme", "load/create-theme"),
    COUNTRY("Country", "load/create-country"),
    ORGANISATION("Organisation", "load/create-organisation"),
    FOOTNOTE("Footnote", "load/create-footnote"),
    JOINT_ACTIVITY("JointActivity", "load/create-joint-activity");

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

    /** @return the name of the Cypher file that creates a batch of these nodes */
    public String statement() {
        return statement;
    }
}
