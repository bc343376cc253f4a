package org.convergence.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.convergence.engine.analysis.Clusters;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.analysis.SimilarityMetric;
import org.convergence.engine.app.UsageException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The analysis settings ({@link Setting}, each declared once) as the command line and job files meet them:
 * the picocli options of {@code analyze}, {@code path} and {@code recommend} with their help, the keys of a
 * job file's {@code analyses} section, the typed values both give, and the parameters that make up a run's
 * id. Nothing here restates a setting's default, range or description.
 */
final class SettingOptions {

    /** The name {@code --random-seed} had before, which {@code load --seed} made ambiguous; hidden, still read. */
    private static final String FORMER_SEED = "--seed";
    /** The name {@code recommend --recommend} had before; {@code recommend} still reads it. */
    private static final String FORMER_RECOMMEND = "--limit";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingOptions() {
    }

    /** @return the picocli option for a setting, its help derived from the declaration */
    static OptionSpec optionSpec(Setting<?> setting) {
        return optionSpec(setting, false);
    }

    /**
     * @param formerNames whether to accept the name an earlier version used too ({@code recommend --limit})
     * @return the picocli option for a setting, its help derived from the declaration
     */
    static OptionSpec optionSpec(Setting<?> setting, boolean formerNames) {
        OptionSpec.Builder b = OptionSpec.builder(formerNames && setting == Setting.RECOMMEND
                ? new String[] {setting.option(), FORMER_RECOMMEND} : new String[] {setting.option()});
        if (setting.type() == Setting.Type.FLAG_OFF) {
            return b.arity("0").type(boolean.class).description(setting.description() + ".").build();
        }
        return b.paramLabel(setting.label()).type(String.class)
                .description(setting.description() + " (default: " + setting.defaultText() + ").").build();
    }

    /** Adds these settings' options to a command, before its -h and -V, which stay last in its help. */
    static void addOptions(CommandSpec command, boolean formerNames, List<Setting<?>> settings) {
        List<OptionSpec> standard = command.options().stream()
                .filter(o -> o.usageHelp() || o.versionHelp()).toList();
        standard.forEach(command::remove);
        for (Setting<?> s : settings) {
            OptionSpec option = optionSpec(s, formerNames);
            String help = helpIn(s, command.name());
            if (help != null) {
                option = option.toBuilder().description(help).build();
            }
            command.addOption(option);
            if (s == Setting.SEED) {
                // the former name, kept working but out of the help, where it read like load's --seed
                command.addOption(OptionSpec.builder(FORMER_SEED).hidden(true).paramLabel(s.label()).type(String.class)
                        .build());
            }
        }
        standard.forEach(command::addOption);
    }

    /**
     * The help of a setting where a command uses it for less than {@code analyze} does: {@code path}
     * weighs the cheapest path by the metric, {@code recommend} picks the similar processes by it and
     * needs at least one.
     *
     * @param command the command's name
     * @return the help text, or null for the setting's own
     */
    static String helpIn(Setting<?> setting, String command) {
        String metrics = Setting.names(SimilarityMetric.values()) + " (default: " + setting.defaultText() + ").";
        if (setting == Setting.METRIC && command.equals("path")) {
            return "Similarity of the cheapest path on the process projection, each step costing 1 - similarity: "
                    + metrics;
        }
        if (setting == Setting.METRIC && command.equals("recommend")) {
            return "Similarity that picks each process's most similar processes: " + metrics;
        }
        if (setting == Setting.NEIGHBOURS && command.equals("recommend")) {
            return "Similar processes consulted, at least 1 (default: " + setting.defaultText() + ").";
        }
        return null;
    }

    /**
     * The values a command line gave, defaults where it gave none, each checked.
     *
     * @param command the parsed command
     * @param settings the settings the command has
     * @throws UsageException naming the option, the value and what is allowed
     */
    static Setting.Values fromCommandLine(CommandSpec command, List<Setting<?>> settings) {
        Setting.Values values = Setting.Values.defaults();
        for (Setting<?> s : settings) {
            OptionSpec o = command.findOption(s.option());
            if (s == Setting.SEED && o.getValue() == null && command.findOption(FORMER_SEED) != null) {
                o = command.findOption(FORMER_SEED);
            }
            if (s.type() == Setting.Type.FLAG_OFF) {
                values.set(flag(s), !Boolean.TRUE.equals(o.getValue()));
            } else if (o.getValue() != null) {
                try {
                    parseInto(values, s, o.longestName(), o.getValue());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage(), e);
                }
            }
        }
        return values;
    }

    private static <T> void parseInto(Setting.Values values, Setting<T> setting, String where, String text) {
        values.set(setting, setting.parse(where, text));
    }

    @SuppressWarnings("unchecked")
    private static Setting<Boolean> flag(Setting<?> setting) {
        return (Setting<Boolean>) setting;
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
            run = JSON.readTree(parameters);
        } catch (java.io.IOException | RuntimeException e) {
            return "parameters not readable";
        }
        if (run == null || !run.isObject()) {
            return "parameters not readable";
        }
        Setting.Values defaults = Setting.Values.defaults();
        JsonNode standard = JSON.valueToTree(Setting.describe(defaults.get(Setting.RELATIONS), ConvergenceAnalysis.Parameters.of(defaults, List.of())));
        List<String> options = new ArrayList<>();
        for (Setting<?> s : Setting.all()) {
            JsonNode value = s.runKey() == null ? null : run.get(s.runKey());
            if (value == null || same(value, standard.get(s.runKey()))) {
                continue;
            }
            if (s.type() == Setting.Type.FLAG_OFF) {
                options.add(s.option());
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                options.add(s.option() + " " + String.join(",", items));
            } else {
                options.add(s.option() + " " + value.asText());
            }
        }
        for (JsonNode path : run.path("paths")) {
            // stored as FROM>TO/K
            String text = path.asText();
            int slash = text.lastIndexOf('/');
            options.add("--path " + (slash < 0 ? text : text.substring(0, slash)).replace('>', ':'));
        }
        String listed = options.isEmpty() ? "default parameters" : String.join(" ", options);
        String by = run.path(org.convergence.engine.app.ExternalRuns.COMPUTED_BY).asText("");
        return by.isEmpty() ? listed : "pairs only, by the " + by + " job: " + listed;
    }

    /** @return whether two stored values are equal, numbers by value (42 read back is an int, a seed a long) */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b != null && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
