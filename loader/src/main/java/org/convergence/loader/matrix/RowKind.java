package org.convergence.loader.matrix;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.convergence.loader.taxonomy.Labels;

/**
 * The rows a convergence matrix may have, in the order of the 2002 document, each recognised by the
 * match key ({@link Labels#key(String)}: case, accents and punctuation ignored) of its label as the 2002
 * document writes it, of its English label as the report writes it, or of a short form of either.
 */
public enum RowKind {
    /** {@code País y Año de Inicio}: one {@code Country, YEAR} per process. */
    START("País y Año de Inicio", "Country and year of start", "País y año", "Country and year"),
    /** {@code Objetivos}: free text. */
    OBJECTIVES("Objetivos", "Objectives"),
    /** {@code Participación}: free text. */
    PARTICIPATION("Participación", "Participation", "Participants"),
    /** {@code Areas Geográficas}: free text. */
    GEOGRAPHY("Areas Geográficas", "Geographic areas", "Área geográfica", "Geographic area", "Geographical areas"),
    /** {@code Plan de Acción}: themes, relation {@code ACTION_PLAN}. */
    ACTION_PLAN("Plan de Acción", "Action plan", "Plan of action"),
    /** {@code Areas de convergencia de temas y/o proyectos}: themes, relation {@code CONVERGENCE_AREA}. */
    CONVERGENCE_AREA("Areas de convergencia de temas y/o proyectos", "Areas of convergence of themes and/or projects",
            "Áreas de convergencia", "Areas of convergence"),
    /** {@code Convergencia de posibles actividades}: one proposed joint activity per process column. */
    JOINT_ACTIVITIES("Convergencia de posibles actividades", "Convergence of possible activities",
            "Posibles actividades", "Possible activities");

    private final String label;
    private final String english;
    private final java.util.List<String> keys;

    RowKind(String label, String english, String... others) {
        this.label = label;
        this.english = english;
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(Labels.key(label));
        all.add(Labels.key(english));
        for (String other : others) {
            all.add(Labels.key(other));
        }
        this.keys = java.util.List.copyOf(all);
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
        return Arrays.stream(values()).filter(r -> r.keys.contains(k)).findFirst();
    }

    /** @return the labels of all kinds as the 2002 document writes them, comma-separated, for messages (English ones are read too) */
    public static String known() {
        return Arrays.stream(values()).map(RowKind::label).collect(Collectors.joining(", ")) + "; or in English: "
                + Arrays.stream(values()).map(r -> r.english).collect(Collectors.joining(", "));
    }
}
