package org.convergence.loader;

/**
 * The kinds of relationship a load writes: type, end-node kinds and the Cypher file that merges a
 * batch of them. {@link #ADDRESSES} is the two-mode edge the analyses read.
 */
public enum RelKind {
    ADDRESSES("ADDRESSES", NodeKind.PROCESS, NodeKind.THEME, "load/rel-addresses"),
    BROADER("BROADER", NodeKind.THEME, NodeKind.THEME, "load/rel-broader"),
    STARTED_IN("STARTED_IN", NodeKind.PROCESS, NodeKind.COUNTRY, "load/rel-started-in"),
    PARTICIPATES_IN("PARTICIPATES_IN", NodeKind.COUNTRY, NodeKind.PROCESS, "load/rel-participates-in"),
    DESCRIBED_IN("DESCRIBED_IN", NodeKind.PROCESS, NodeKind.DOCUMENT, "load/rel-described-in"),
    PREPARED_BY("PREPARED_BY", NodeKind.DOCUMENT, NodeKind.ORGANISATION, "load/rel-prepared-by"),
    ASSISTED_BY("ASSISTED_BY", NodeKind.DOCUMENT, NodeKind.ORGANISATION, "load/rel-assisted-by"),
    PART_OF("PART_OF", NodeKind.ORGANISATION, NodeKind.ORGANISATION, "load/rel-part-of"),
    FOOTNOTE_OF("FOOTNOTE_OF", NodeKind.FOOTNOTE, NodeKind.DOCUMENT, "load/rel-footnote-of"),
    ANNOTATES_PROCESS("ANNOTATES", NodeKind.FOOTNOTE, NodeKind.PROCESS, "load/rel-annotates-process"),
    ANNOTATES_THEME("ANNOTATES", NodeKind.FOOTNOTE, NodeKind.THEME, "load/rel-annotates-theme"),
    FOOTNOTE_MENTIONS("MENTIONS", NodeKind.FOOTNOTE, NodeKind.ORGANISATION, "load/rel-footnote-mentions"),
    PROPOSED_IN("PROPOSED_IN", NodeKind.JOINT_ACTIVITY, NodeKind.DOCUMENT, "load/rel-proposed-in"),
    LISTED_UNDER("LISTED_UNDER", NodeKind.JOINT_ACTIVITY, NodeKind.PROCESS, "load/rel-listed-under"),
    ACTIVITY_MENTIONS("MENTIONS", NodeKind.JOINT_ACTIVITY, NodeKind.ORGANISATION, "load/rel-activity-mentions"),
    CONCERNS("CONCERNS", NodeKind.JOINT_ACTIVITY, NodeKind.THEME, "load/rel-concerns");

    private final String type;
    private final NodeKind from;
    private final NodeKind to;
    private final String statement;

    RelKind(String type, NodeKind from, NodeKind to, String statement) {
        this.type = type;
        this.from = from;
        this.to = to;
        this.statement = statement;
    }

    /** @return the Neo4j relationship type */
    public String type() {
        return type;
    }

    /** @return the kind of the start node */
    public NodeKind from() {
        return from;
    }

    /** @return the kind of the end node */
    public NodeKind to() {
        return to;
    }

    /** @return the name of the Cypher file that merges a batch of these relationships */
    public String statement() {
        return statement;
    }
}
