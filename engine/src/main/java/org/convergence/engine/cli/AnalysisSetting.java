package org.convergence.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.convergence.engine.analysis.Clusters;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.SimilarityMetric;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every analysis setting, defined once: its job-file key, its command-line option, its default, its
 * allowed range and its description. The picocli options of {@code analyze}, {@code path} and
 * {@code recommend}, the keys of a job file's {@code analyses} section, the validation messages (GDS
 * style: "Value for `KEY` was `VALUE`, but must be ...") and the parameters that make up a run's id
 * are all derived from here, as Neo4j GDS derives its procedures' configuration from one declaration.
 */
enum AnalysisSetting {

    RELATIONS("relations", "relations", "--relations", "KIND[,KIND...]", Type.RELATIONS, "all", 0, 0,
            "Relation kinds (matrix rows) that count, e.g. CONVERGENCE_AREA or ACTION_PLAN,STATED_PURPOSE, or all"),
    MIN_SHARED("minShared", "minShared", "--min-shared", "N", Type.INT, "1", 1, Integer.MAX_VALUE,
            "List pairs sharing at least N themes"),
    TOP_K("topK", "topK", "--top-k", "K", Type.INT, "0", 0, Integer.MAX_VALUE,
            "Keep each process's K most similar processes only, never holding all pairs; 0 lists all pairs"),
    METRIC("metric", "metric", "--metric", "METRIC", Type.METRIC, "jaccard", 0, 0,
            "Similarity for top-k, the projection, weighted paths and recommendations: "
                    + names(SimilarityMetric.values())),
    ALGORITHM("clusters.algorithm", "algorithm", "--algorithm", "ALG", Type.ALGORITHM, "leiden", 0, 0,
            "Clustering: " + names(Clusters.Algorithm.values())),
    RESOLUTION("clusters.resolution", "resolution", "--resolution", "GAMMA", Type.POSITIVE_DOUBLE, "1.0", 0, 0,
            "Modularity resolution; higher gives smaller clusters"),
    ITERATIONS("clusters.iterations", "iterations", "--iterations", "N", Type.INT, "10", 1, 10_000,
            "Clustering iterations"),
    SEED("clusters.seed", "seed", "--random-seed", "SEED", Type.LONG, "42", 0, 0,
            "Random seed of the clustering and of sampled betweenness (also accepted as --seed, its former name)"),
    THEME_CLUSTERS("clusters.themes", "themeClusters", "--no-theme-clusters", null, Type.FLAG_OFF, "true", 0, 0,
            "Skip clustering themes by co-occurrence"),
    CENTRALITY("centrality", "centrality", "--no-centrality", null, Type.FLAG_OFF, "true", 0, 0,
            "Skip betweenness and bridges"),
    BETWEENNESS_BUDGET("betweennessBudget", "betweennessBudget", "--betweenness-budget", "STEPS", Type.STEPS,
            "5e8", 0, 0, "BFS steps, V*(V+2E), up to which betweenness is exact; above, it is estimated from"
                    + " STEPS/(V+2E) sampled sources, at least 64"),
    NEIGHBOURS("recommendations.neighbours", "neighbours", "--neighbours", "N", Type.INT, "3", 0, 100_000,
            "Similar processes consulted for recommendations; 0 skips recommendations"),
    RECOMMEND("recommendations.limit", "recommend", "--recommend", "N", Type.INT, "5", 1, 100_000,
            "Themes recommended per process"),
    THREADS("threads", null, "--threads", "N", Type.INT, "", 1, 1024,
            "Worker threads (default: one per core)");

    /** The name {@code --random-seed} had before, which {@code load --seed} made ambiguous. */
    private static final String FORMER_SEED = "--seed";

    /** How a setting's text is read and checked. */
    enum Type {
        INT, LONG, POSITIVE_DOUBLE, STEPS, METRIC, ALGORITHM, FLAG_OFF, RELATIONS
    }

    private final String jobKey;
    private final String runKey;
    private final String option;
    private final String label;
    private final Type type;
    private final String defaultText;
    private final long min;
    private final long max;
    private final String description;

    AnalysisSetting(String jobKey, String runKey, String option, String label, Type type, String defaultText, long min,
            long max, String description) {
        this.jobKey = jobKey;
        this.runKey = runKey;
        this.option = option;
        this.label = label;
        this.type = type;
        this.defaultText = defaultText;
        this.min = min;
        this.max = max;
        this.description = description;
    }

    /** @return the key in a job file's {@code analyses} section, dotted for nested ones */
    String jobKey() {
        return jobKey;
    }

    /** @return the command-line option */
    String option() {
        return option;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }

    /** @return the setting's default value, typed */
    Object defaultValue() {
        return switch (type) {
            case FLAG_OFF -> Boolean.TRUE;
            case RELATIONS -> null;
            default -> this == THREADS ? Runtime.getRuntime().availableProcessors() : parse(option, defaultText);
        };
    }

    /**
     * Reads a value written as text, checking it.
     *
     * @param where the name the user wrote it under (option or job key), for the message
     * @param text the value as written
     * @return the typed value
     * @throws IllegalArgumentException naming the key, the value and what is allowed
     */
    Object parse(String where, String text) {
        String t = text.strip();
        try {
            return switch (type) {
                case INT -> check(where, text, Long.parseLong(t));
                case LONG -> Long.parseLong(t);
                case POSITIVE_DOUBLE, STEPS -> checkDouble(where, text, Double.parseDouble(t));
                case METRIC -> SimilarityMetric.parse(where, t);
                case ALGORITHM -> parseAlgorithm(where, t);
                case FLAG_OFF -> Boolean.parseBoolean(t);
                case RELATIONS -> relations(Arrays.asList(t.split(",")));
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Value for `" + where + "` was `" + text + "`, but must be "
                    + (type == Type.INT || type == Type.LONG ? "a whole number" : "a number"), e);
        }
    }

    private Object check(String where, String text, long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Value for `" + where + "` was `" + text + "`, but must be within the range ["
                    + min + ", " + max + "]");
        }
        return (int) value;
    }

    private Object checkDouble(String where, String text, double value) {
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

    /**
     * @param relations relation kinds as a user wrote them
     * @return upper-case, sorted, distinct kinds, or null for all (none given, or {@code all} among them)
     */
    static List<String> relations(List<String> relations) {
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

    /** @return the picocli option for this setting, its help derived from the description and default */
    OptionSpec optionSpec() {
        return optionSpec(false);
    }

    /**
     * @param formerNames whether to accept the name an earlier version used too ({@code recommend --limit})
     * @return the picocli option for this setting, its help derived from the description and default
     */
    OptionSpec optionSpec(boolean formerNames) {
        OptionSpec.Builder b = OptionSpec.builder(formerNames && this == RECOMMEND ? new String[] {option, "--limit"}
                : new String[] {option});
        if (type == Type.FLAG_OFF) {
            return b.arity("0").type(boolean.class).description(description + ".").build();
        }
        String help = description + (this == THREADS ? "." : " (default: " + defaultText + ").");
        return b.paramLabel(label).type(String.class).description(help).build();
    }

    /** Adds these settings' options to a command, before its -h and -V, which stay last in its help. */
    static void addOptions(CommandSpec command, boolean formerNames, AnalysisSetting... settings) {
        List<OptionSpec> standard = command.options().stream()
                .filter(o -> o.usageHelp() || o.versionHelp()).toList();
        standard.forEach(command::remove);
        for (AnalysisSetting s : settings) {
            OptionSpec option = s.optionSpec(formerNames);
            String help = s.helpIn(command.name());
            if (help != null) {
                option = option.toBuilder().description(help).build();
            }
            command.addOption(option);
            if (s == SEED) {
                // the former name, kept working but out of the help, where it read like load's --seed
                command.addOption(OptionSpec.builder(FORMER_SEED).hidden(true).paramLabel(s.label).type(String.class)
                        .build());
            }
        }
        standard.forEach(command::addOption);
    }

    /**
     * The help of this setting where a command uses it for less than {@code analyze} does: {@code path}
     * weighs the cheapest path by the metric, {@code recommend} picks the similar processes by it and
     * needs at least one.
     *
     * @param command the command's name
     * @return the help text, or null for the setting's own
     */
    String helpIn(String command) {
        if (this == METRIC && command.equals("path")) {
            return "Similarity of the cheapest path on the process projection, each step costing 1 - similarity: "
                    + names(SimilarityMetric.values()) + " (default: " + defaultText + ").";
        }
        if (this == METRIC && command.equals("recommend")) {
            return "Similarity that picks each process's most similar processes: " + names(SimilarityMetric.values())
                    + " (default: " + defaultText + ").";
        }
        if (this == NEIGHBOURS && command.equals("recommend")) {
            return "Similar processes consulted, at least 1 (default: " + defaultText + ").";
        }
        return null;
    }

    /**
     * The values a command line gave, defaults where it gave none, each checked.
     *
     * @param command the parsed command
     * @param settings the settings the command has
     */
    static Map<AnalysisSetting, Object> fromCommandLine(CommandSpec command, AnalysisSetting... settings) {
        Map<AnalysisSetting, Object> values = defaults();
        for (AnalysisSetting s : settings) {
            OptionSpec o = command.findOption(s.option);
            if (s == SEED && o.getValue() == null && command.findOption(FORMER_SEED) != null) {
                o = command.findOption(FORMER_SEED);
            }
            if (s.type == Type.FLAG_OFF) {
                values.put(s, !Boolean.TRUE.equals(o.getValue()));
            } else if (o.getValue() != null) {
                try {
                    values.put(s, s.parse(o.longestName(), o.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage(), e);
                }
            }
        }
        return values;
    }

    /**
     * The values of a job file's {@code analyses} section, defaults where it gives none, each checked;
     * keys that are no setting (nor {@code paths}) are refused.
     *
     * @param analyses the section
     * @param source the job file, for messages
     */
    static Map<AnalysisSetting, Object> fromJob(JsonNode analyses, String source) {
        Map<AnalysisSetting, Object> values = defaults();
        Set<String> known = new TreeSet<>();
        for (AnalysisSetting s : values()) {
            known.add(s.jobKey);
            JsonNode node = analyses.at("/" + s.jobKey.replace('.', '/'));
            if (node.isMissingNode() || node.isNull()) {
                continue;
            }
            String where = "analyses." + s.jobKey;
            if (s.type == Type.RELATIONS && node.isArray()) {
                List<String> kinds = new ArrayList<>();
                node.forEach(k -> kinds.add(k.asText()));
                values.put(s, relations(kinds));
            } else if (s.type == Type.FLAG_OFF) {
                if (!node.isBoolean()) {
                    throw new IllegalArgumentException("Value for `" + where + "` was `" + node + "`, but must be true or false");
                }
                values.put(s, node.asBoolean());
            } else if (node.isValueNode()) {
                values.put(s, s.parse(where, node.asText()));
            } else {
                throw new IllegalArgumentException("Value for `" + where + "` was `" + node + "`, but must be a single value");
            }
        }
        List<String> unknown = new ArrayList<>();
        analyses.fields().forEachRemaining(e -> {
            boolean nested = e.getValue().isObject() && !e.getKey().equals("paths");
            if (nested) {
                e.getValue().fieldNames().forEachRemaining(f -> {
                    if (!known.contains(e.getKey() + "." + f)) {
                        unknown.add(e.getKey() + "." + f);
                    }
                });
            } else if (!known.contains(e.getKey()) && !e.getKey().equals("paths")) {
                unknown.add(e.getKey());
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown key(s) in `analyses` of " + source + ": " + unknown
                    + "; known: " + known + ", paths");
        }
        return values;
    }

    private static Map<AnalysisSetting, Object> defaults() {
        Map<AnalysisSetting, Object> values = new EnumMap<>(AnalysisSetting.class);
        for (AnalysisSetting s : values()) {
            values.put(s, s.defaultValue());
        }
        return values;
    }

    /**
     * The analyses' parameters from checked values.
     *
     * @param values one value per setting
     * @param paths the links to compute
     */
    static ConvergenceAnalysis.Parameters parameters(Map<AnalysisSetting, Object> values,
            List<ConvergenceAnalysis.PathRequest> paths) {
        int neighbours = (Integer) values.get(NEIGHBOURS);
        return new ConvergenceAnalysis.Parameters(
                new OverlapAnalysis.Parameters((Integer) values.get(MIN_SHARED), (Integer) values.get(TOP_K),
                        (SimilarityMetric) values.get(METRIC), (Integer) values.get(THREADS)),
                new Clusters.Parameters((Clusters.Algorithm) values.get(ALGORITHM), (Double) values.get(RESOLUTION),
                        (Integer) values.get(ITERATIONS), (Long) values.get(SEED)),
                (Boolean) values.get(THEME_CLUSTERS), paths, (Boolean) values.get(CENTRALITY),
                (Double) values.get(BETWEENNESS_BUDGET), neighbours, (Integer) values.get(RECOMMEND));
    }

    /** @return the relation kinds among the values (null for all) */
    @SuppressWarnings("unchecked")
    static List<String> relationsOf(Map<AnalysisSetting, Object> values) {
        return (List<String>) values.get(RELATIONS);
    }

    /**
     * How a stored run was asked for: the command-line options, among the settings that decide results,
     * whose value in the run's parameters (the canonical JSON of {@link #describe}) is not the default,
     * e.g. {@code --min-shared 2 --top-k 10 --no-centrality}; links asked for are {@code --path FROM:TO}.
     *
     * @param parameters a run's parameters as stored
     * @return the options, or "default parameters" when every setting is the default
     */
    static String optionsOf(String parameters) {
        JsonNode run;
        try {
            run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(parameters);
        } catch (java.io.IOException | RuntimeException e) {
            return "parameters not readable";
        }
        if (run == null || !run.isObject()) {
            return "parameters not readable";
        }
        Map<AnalysisSetting, Object> defaults = defaults();
        JsonNode standard = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                describe(relationsOf(defaults), parameters(defaults, List.of())));
        List<String> options = new ArrayList<>();
        for (AnalysisSetting s : values()) {
            JsonNode value = s.runKey == null ? null : run.get(s.runKey);
            if (value == null || same(value, standard.get(s.runKey))) {
                continue;
            }
            if (s.type == Type.FLAG_OFF) {
                options.add(s.option);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                options.add(s.option + " " + String.join(",", items));
            } else {
                options.add(s.option + " " + value.asText());
            }
        }
        for (JsonNode path : run.path("paths")) {
            // stored as FROM>TO/K
            String text = path.asText();
            int slash = text.lastIndexOf('/');
            options.add("--path " + (slash < 0 ? text : text.substring(0, slash)).replace('>', ':'));
        }
        return options.isEmpty() ? "default parameters" : String.join(" ", options);
    }

    /** @return whether two stored values are equal, numbers by value (42 read back is an int, a seed a long) */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b != null && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /**
     * The settings that decide results, in a fixed order, for the run id (threads excluded: they change
     * no result; the betweenness budget only when not the default, so that runs from before it existed
     * keep their ids).
     */
    static Map<String, Object> describe(List<String> relations, ConvergenceAnalysis.Parameters p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(RELATIONS.runKey, relations == null ? "all" : relations);
        d.put(MIN_SHARED.runKey, p.overlap().minShared());
        d.put(TOP_K.runKey, p.overlap().topK());
        d.put(METRIC.runKey, p.overlap().metric().name().toLowerCase(Locale.ROOT));
        if (p.clusters() != null) {
            d.put(ALGORITHM.runKey, p.clusters().algorithm().name().toLowerCase(Locale.ROOT));
            d.put(RESOLUTION.runKey, p.clusters().resolution());
            d.put(ITERATIONS.runKey, p.clusters().iterations());
            d.put(SEED.runKey, p.clusters().seed());
            d.put(THEME_CLUSTERS.runKey, p.themeClusters());
        }
        d.put(CENTRALITY.runKey, p.centrality());
        if (p.centrality() && p.betweennessBudget() != (Double) BETWEENNESS_BUDGET.defaultValue()) {
            d.put(BETWEENNESS_BUDGET.runKey, p.betweennessBudget());
        }
        d.put(NEIGHBOURS.runKey, p.recommendNeighbours());
        d.put(RECOMMEND.runKey, p.recommendLimit());
        d.put("paths", p.paths().stream().map(r -> r.from() + ">" + r.to() + "/" + r.k()).toList());
        return d;
    }
}
