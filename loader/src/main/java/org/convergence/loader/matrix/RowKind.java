package org.convergence.loader.matrix;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.convergence.loader.taxonomy.Labels;

/**
 * The rows a convergence matrix may have, in the order of the 2002 document, each recognised by the
 * match key of its label ({@link Labels#key(String)}: case, accents and punctuation ignored).
 */
public enum RowKind {
    /** {@code País y Año de Inicio}: one {@code Country, YEAR} per process. */
    START("País y Año de Inicio"),
    /** {@code Objetivos}: free text. */
    OBJECTIVES("Objetivos"),
    /** {@code Participación}: free text. */
    PARTICIPATION("Participación"),
    /** {@code Areas Geográficas}: free text. */
    GEOGRAPHY("Areas Geográficas"),
    /** {@code Plan de Acción}: themes, relation {@code ACTION_PLAN}. */
    ACTION_PLAN("Plan de Acción"),
    /** {@code Areas de convergencia de temas y/o proyectos}: themes, relation {@code CONVERGENCE_AREA}. */
    CONVERGENCE_AREA("Areas de convergencia de temas y/o proyectos"),
    /** {@code Convergencia de posibles actividades}: one proposed joint activity per process column. */
    JOINT_ACTIVITIES("Convergencia de posibles actividades");

    private final String label;
    private final String key;

    RowKind(String label) {
        this.label = label;
        this.key = Labels.key(label);
    }

    /** @return the label as the 2002 document writes it */
    public String label() {
        return label;
    }

    /** @return whether the row's cells list themes (one per line, or separated by {@code ;}) */
    public boolean listsThemes() {
        return this == ACTION_PLAN || this == CONVERGENCE_AREA;
    }

    /**
     * @param label a row label as written
     * @return the kind of row it names, if any
     */
    public static Optional<RowKind> of(String label) {
        String k = Labels.key(label);
        return Arrays.stream(values()).filter(r -> r.key.equals(k)).findFirst();
    }

    /** @return the labels of all kinds, comma-separated, for messages */
    public static String known() {
        return Arrays.stream(values()).map(RowKind::label).collect(Collectors.joining(", "));
    }
}
