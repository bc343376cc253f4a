package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One analysis setting, declared once: its key in a job file's {@code analyses} section, its key in a run's
 * stored parameters, its command-line option, its default, its allowed range and its description. The
 * algorithms' parameter records take their defaults and checks from these declarations; the command line's
 * options, the job file's keys, the validation messages (GDS style: "Value for `KEY` was `VALUE`, but must
 * be ...") and the parameters that make up a run's id are derived from them, as Neo4j GDS derives a
 * procedure's configuration from one declaration. Typed: {@code Setting<Integer>} parses to and checks an
 * {@code Integer}, so values are read without casts ({@link Values#get}).
 *
 * @param <T> the type of the setting's value
 */
public final class Setting<T> {

    /** How a setting's text is read and checked. */
    public enum Type {
        /** A whole number within [min, max]. */
        INT,
        /** Any whole number. */
        LONG,
        /** A finite number above 0. */
        POSITIVE_DOUBLE,
        /** A finite number of steps, at least 1. */
        STEPS,
        /** A {@link SimilarityMetric} by name. */
        METRIC,
        /** A {@link Clusters.Algorithm} by name. */
        ALGORITHM,
        /** On unless turned off (a {@code --no-...} flag, {@code false} in a job). */
        FLAG_OFF,
        /** Relation kinds, or all of them (null). */
        RELATIONS
    }

    private static final List<Setting<?>> ALL = new ArrayList<>();

    /** The relation kinds (matrix rows) that count; null for all. */
    public static final Setting<List<String>> RELATIONS = new Setting<>("relations", "relations", "--relations",
            "KIND[,KIND...]", Type.RELATIONS, () -> null, "all", 0, 0,
            "Relation kinds (matrix rows) that count, e.g. CONVERGENCE_AREA or ACTION_PLAN,STATED_PURPOSE, or all");
    /** The smallest shared count a pair needs to be listed. */
    public static final Setting<Integer> MIN_SHARED = integer("minShared", "minShared", "--min-shared", "N", 1, 1,
            Integer.MAX_VALUE, "List pairs sharing at least N themes");
    /** Each process's most similar processes kept, or 0 for all pairs. */
    public static final Setting<Integer> TOP_K = integer("topK", "topK", "--top-k", "K", 0, 0, Integer.MAX_VALUE,
            "Keep each process's K most similar processes only, never holding all pairs; 0 lists all pairs");
    /** The similarity for top-k, the projection, weighted paths and recommendations. */
    public static final Setting<SimilarityMetric> METRIC = new Setting<>("metric", "metric", "--metric", "METRIC",
            Type.METRIC, () -> SimilarityMetric.JACCARD, "jaccard", 0, 0,
            "Similarity for top-k, the projection, weighted paths and recommendations: " + names(SimilarityMetric.values()));
    /** The clustering algorithm. */
    public static final Setting<Clusters.Algorithm> ALGORITHM = new Setting<>("clusters.algorithm", "algorithm",
            "--algorithm", "ALG", Type.ALGORITHM, () -> Clusters.Algorithm.LEIDEN, "leiden", 0, 0,
            "Clustering: " + names(Clusters.Algorithm.values()));
    /** The modularity resolution of the clusterings. */
    public static final Setting<Double> RESOLUTION = new Setting<>("clusters.resolution", "resolution", "--resolution",
            "GAMMA", Type.POSITIVE_DOUBLE, () -> 1.0, "1.0", 0, 0, "Modularity resolution; higher gives smaller clusters");
    /** Iterations of Leiden and Louvain, or the label propagation limit. */
    public static final Setting<Integer> ITERATIONS = integer("clusters.iterations", "iterations", "--iterations", "N",
            10, 1, 10_000, "Clustering iterations");
    /** The random seed of the clusterings and of sampled betweenness. */
    public static final Setting<Long> SEED = new Setting<>("clusters.seed", "seed", "--random-seed", "SEED", Type.LONG,
            () -> 42L, "42", 0, 0,
            "Random seed of the clustering and of sampled betweenness (also accepted as --seed, its former name)");
    /** Whether themes are clustered by co-occurrence. */
    public static final Setting<Boolean> THEME_CLUSTERS = flagOff("clusters.themes", "themeClusters",
            "--no-theme-clusters", "Skip clustering themes by co-occurrence");
    /** Whether betweenness and bridges are computed. */
    public static final Setting<Boolean> CENTRALITY = flagOff("centrality", "centrality", "--no-centrality",
            "Skip betweenness and bridges");
    /** BFS steps up to which betweenness is exact. */
    public static final Setting<Double> BETWEENNESS_BUDGET = new Setting<>("betweennessBudget", "betweennessBudget",
            "--betweenness-budget", "STEPS", Type.STEPS, () -> 5e8, "5e8", 0, 0, "BFS steps, V*(V+2E), up to which"
                    + " betweenness is exact; above, it is estimated from STEPS/(V+2E) sampled sources, at least 64");
    /** Similar processes consulted per recommendation, 0 to skip recommendations. */
    public static final Setting<Integer> NEIGHBOURS = integer("recommendations.neighbours", "neighbours", "--neighbours",
            "N", 3, 0, 100_000, "Similar processes consulted for recommendations; 0 skips recommendations");
    /** Themes recommended per process. */
    public static final Setting<Integer> RECOMMEND = integer("recommendations.limit", "recommend", "--recommend", "N", 5,
            1, 100_000, "Themes recommended per process");
    /** Worker threads; they change no result. */
    public static final Setting<Integer> THREADS = new Setting<>("threads", null, "--threads", "N", Type.INT,
            () -> Runtime.getRuntime().availableProcessors(), "one per core", 1, 1024, "Worker threads");
    /** {@link #K}'s default as text, a constant so that the picocli annotations of {@code --k} can name it. */
    public static final String K_DEFAULT = "3";
    /** Shortest links listed per requested link; not a key of its own in a job, where each path has its k. */
    public static final Setting<Integer> K = new Setting<>(null, null, "--k", "N", Type.INT,
            () -> Integer.valueOf(K_DEFAULT), K_DEFAULT, 1, 1000, "Shortest links per --path");

    private final String jobKey;
    private final String runKey;
    private final String option;
    private final String label;
    private final Type type;
    private final Supplier<T> defaultValue;
    private final String defaultText;
    private final long min;
    private final long max;
    private final String description;

    private Setting(String jobKey, String runKey, String option, String label, Type type, Supplier<T> defaultValue,
            String defaultText, long min, long max, String description) {
        this.jobKey = jobKey;
        this.runKey = runKey;
        this.option = option;
        this.label = label;
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.min = min;
        this.max = max;
        this.description = description;
        if (jobKey != null) {
            ALL.add(this);
        }
    }

    private static Setting<Integer> integer(String jobKey, String runKey, String option, String label, int defaultValue,
            long min, long max, String description) {
        return new Setting<>(jobKey, runKey, option, label, Type.INT, () -> defaultValue, String.valueOf(defaultValue),
                min, max, description);
    }

    private static Setting<Boolean> flagOff(String jobKey, String runKey, String option, String description) {
        return new Setting<>(jobKey, runKey, option, null, Type.FLAG_OFF, () -> Boolean.TRUE, "true", 0, 0, description);
    }

    /** @return the settings of a job's {@code analyses} section, in declaration order ({@link #K} is per path) */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** @return the key in a job file's {@code analyses} section, dotted for nested ones; null for {@link #K} */
    public String jobKey() {
        return jobKey;
    }

    /** @return the key in a run's stored parameters, or null for a setting that changes no result */
    public String runKey() {
        return runKey;
    }

    /** @return the command-line option */
    public String option() {
        return option;
    }

    /** @return the option's parameter label, or null for a flag */
    public String label() {
        return label;
    }

    /** @return how the setting's text is read */
    public Type type() {
        return type;
    }

    /** @return the smallest value allowed ({@link Type#INT}) */
    public long min() {
        return min;
    }

    /** @return the largest value allowed ({@link Type#INT}) */
    public long max() {
        return max;
    }

    /** @return the default as the help shows it */
    public String defaultText() {
        return defaultText;
    }

    /** @return what the setting does, for help texts */
    public String description() {
        return description;
    }

    /** @return the default value (threads: one per core of this machine) */
    public T defaultValue() {
        return defaultValue.get();
    }

    @Override
    public String toString() {
        return jobKey == null ? option : jobKey;
    }

    /**
     * Reads a value written as text, checking it.
     *
     * @param where the name the user wrote it under (option or job key), for the message
     * @param text the value as written
     * @return the typed value
     * @throws IllegalArgumentException naming the key, the value and what is allowed
     */
    @SuppressWarnings("unchecked")
    public T parse(String where, String text) {
        String t = text.strip();
        try {
            Object value = switch (type) {
                case INT -> checkRange(where, text, Long.parseLong(t));
                case LONG -> Long.parseLong(t);
                case POSITIVE_DOUBLE, STEPS -> checkDouble(where, text, Double.parseDouble(t));
                case METRIC -> SimilarityMetric.parse(where, t);
                case ALGORITHM -> parseAlgorithm(where, t);
                case FLAG_OFF -> Boolean.parseBoolean(t);
                case RELATIONS -> relations(Arrays.asList(t.split(",")));
            };
            return (T) value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Value for `" + where + "` was `" + text + "`, but must be "
                    + (type == Type.INT || type == Type.LONG ? "a whole number" : "a number"), e);
        }
    }

    /**
     * Checks a value given in code (a parameter record's component) under the setting's own name.
     *
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException naming the key, the value and the allowed range
     */
    public T check(T value) {
        return check(runKey != null ? runKey : jobKey != null ? jobKey : option.replace("--", ""), value);
    }

    /**
     * Checks a value given in code under a name of the caller's choosing.
     *
     * @param where the name in the message
     * @param value the value
     * @return the value
     */
    public T check(String where, T value) {
        Objects.requireNonNull(value, where);
        switch (type) {
            case INT -> checkRange(where, String.valueOf(value), ((Integer) value).longValue());
            case POSITIVE_DOUBLE, STEPS -> checkDouble(where, String.valueOf(value), (Double) value);
            default -> {
                // every value of the other types is allowed
            }
        }
        return value;
    }

    /** @return an int value, checked (for records with primitive components) */
    @SuppressWarnings("unchecked")
    public int checkInt(int value) {
        return (Integer) check((T) Integer.valueOf(value));
    }

    /** @return a double value, checked (for records with primitive components) */
    @SuppressWarnings("unchecked")
    public double checkDouble(double value) {
        return (Double) check((T) Double.valueOf(value));
    }

    private int checkRange(String where, String text, long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Value for `" + where + "` was `" + text + "`, but must be within the range ["
                    + min + ", " + max + "]");
        }
        return (int) value;
    }

    private double checkDouble(String where, String text, double value) {
        double lowest = type == Type.STEPS ? 1 : Double.MIN_VALUE;
        if (!(value >= lowest) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("Value for `" + where + "` was `" + text + "`, but must be a finite number "
                    + (type == Type.STEPS ? ">= 1" : "> 0"));
        }
        return value;
    }

    private static Clusters.Algorithm parseAlgorithm(String where, String value) {
        try {
            return Clusters.Algorithm.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Value for `" + where + "` was `" + value + "`, but must be one of "
                    + names(Clusters.Algorithm.values()), e);
        }
    }

    /** @return the values' names as users write them, lower case with hyphens */
    public static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    /**
     * @param relations relation kinds as a user wrote them
     * @return upper-case, sorted, distinct kinds, or null for all (none given, or {@code all} among them)
     */
    public static List<String> relations(List<String> relations) {
        if (relations == null || relations.isEmpty() || relations.stream().anyMatch(r -> r.strip().equalsIgnoreCase("all"))) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String r : relations) {
            if (!r.isBlank()) {
                out.add(r.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            }
        }
        return out.isEmpty() ? null : out.stream().sorted().distinct().toList();
    }

    /**
     * One value per setting of a job's {@code analyses} section, typed: the defaults, then what a command line
     * or a job file gave, each checked as it was set.
     */
    public static final class Values {
        private final java.util.Map<Setting<?>, Object> values = new java.util.LinkedHashMap<>();

        /** @return every setting at its default */
        public static Values defaults() {
            Values v = new Values();
            for (Setting<?> s : all()) {
                v.values.put(s, s.defaultValue());
            }
            return v;
        }

        /** @return the setting's value */
        @SuppressWarnings("unchecked")
        public <V> V get(Setting<V> setting) {
            return (V) values.get(setting);
        }

        /**
         * Sets a value, already parsed and checked.
         *
         * @return this
         */
        public <V> Values set(Setting<V> setting, V value) {
            values.put(setting, value);
            return this;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Values other && values.equals(other.values);
        }

        @Override
        public int hashCode() {
            return values.hashCode();
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }


    /**
     * The settings that decide results, in a fixed order, for the run id (threads excluded: they change
     * no result; the betweenness budget only when not the default, so that runs from before it existed
     * keep their ids).
     */
    public static Map<String, Object> describe(List<String> relations, ConvergenceAnalysis.Parameters p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(Setting.RELATIONS.runKey(), relations == null ? "all" : relations);
        d.put(Setting.MIN_SHARED.runKey(), p.overlap().minShared());
        d.put(Setting.TOP_K.runKey(), p.overlap().topK());
        d.put(Setting.METRIC.runKey(), p.overlap().metric().name().toLowerCase(Locale.ROOT));
        if (p.clusters() != null) {
            d.put(Setting.ALGORITHM.runKey(), p.clusters().algorithm().name().toLowerCase(Locale.ROOT));
            d.put(Setting.RESOLUTION.runKey(), p.clusters().resolution());
            d.put(Setting.ITERATIONS.runKey(), p.clusters().iterations());
            d.put(Setting.SEED.runKey(), p.clusters().seed());
            d.put(Setting.THEME_CLUSTERS.runKey(), p.themeClusters());
        }
        d.put(Setting.CENTRALITY.runKey(), p.centrality());
        if (p.centrality() && p.betweennessBudget() != Setting.BETWEENNESS_BUDGET.defaultValue()) {
            d.put(Setting.BETWEENNESS_BUDGET.runKey(), p.betweennessBudget());
        }
        d.put(Setting.NEIGHBOURS.runKey(), p.recommendNeighbours());
        d.put(Setting.RECOMMEND.runKey(), p.recommendLimit());
        d.put("paths", p.paths().stream().map(r -> r.from() + ">" + r.to() + "/" + r.k()).toList());
        return d;
    }
}
