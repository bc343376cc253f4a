package org.convergence.engine.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Setting;

/** The {@code analyses} section of a job file read into checked settings and link requests. */
public final class JobSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobSettings() {
    }

    /**
     * The values of a job file's {@code analyses} section, defaults where it gives none, each checked;
     * keys that are no setting (nor {@code paths}) are refused.
     *
     * @param analyses the section
     * @param source the job file, for messages
     */
    public static Setting.Values values(JsonNode analyses, String source) {
        Setting.Values values = Setting.Values.defaults();
        Set<String> known = new TreeSet<>();
        for (Setting<?> s : Setting.all()) {
            known.add(s.jobKey());
            JsonNode node = analyses.at("/" + s.jobKey().replace('.', '/'));
            if (node.isMissingNode() || node.isNull()) {
                continue;
            }
            String where = "analyses." + s.jobKey();
            if (s == Setting.RELATIONS && node.isArray()) {
                List<String> kinds = new ArrayList<>();
                node.forEach(k -> kinds.add(k.asText()));
                values.set(Setting.RELATIONS, Setting.relations(kinds));
            } else if (s.type() == Setting.Type.FLAG_OFF) {
                if (!node.isBoolean()) {
                    throw new IllegalArgumentException("Value for `" + where + "` was `" + node + "`, but must be true or false");
                }
                values.set(flag(s), node.asBoolean());
            } else if (node.isValueNode()) {
                parseInto(values, s, where, node.asText());
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

    /**
     * The analyses' parameters of a job.
     *
     * @param analyses the job's {@code analyses} section
     * @param source the job file, for messages
     * @return the settings' values and the parameters built from them
     * @throws IllegalArgumentException naming the key, its value and what it must be
     */
    public static Checked check(JsonNode analyses, String source) {
        Setting.Values values = values(analyses, source);
        return new Checked(values, ConvergenceAnalysis.Parameters.of(values, paths(analyses.get("paths"))));
    }

    /**
     * A job's checked analyses.
     *
     * @param values every setting's value
     * @param parameters the parameters built from them and the links asked for
     */
    public record Checked(Setting.Values values, ConvergenceAnalysis.Parameters parameters) {
    }

    private static <T> void parseInto(Setting.Values values, Setting<T> setting, String where, String text) {
        values.set(setting, setting.parse(where, text));
    }

    @SuppressWarnings("unchecked")
    private static Setting<Boolean> flag(Setting<?> setting) {
        return (Setting<Boolean>) setting;
    }

    /** The links a job asks for, {@code [{from, to, k}]}; k defaults to 3. */
    public static List<ConvergenceAnalysis.PathRequest> paths(JsonNode node) {
        List<ConvergenceAnalysis.PathRequest> paths = new ArrayList<>();
        if (node == null || node.isNull()) {
            return paths;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("Value for `analyses.paths` was `" + node + "`, but must be a list of"
                    + " {from, to, k}");
        }
        for (JsonNode p : node) {
            Job.PathSpec spec = JSON.convertValue(p, Job.PathSpec.class);
            int k = spec.k() == null ? Setting.K.defaultValue() : spec.k();
            if (spec.from() == null || spec.to() == null || k < Setting.K.min() || k > Setting.K.max()) {
                throw new IllegalArgumentException("Value for `analyses.paths` entry was `" + p + "`, but each needs"
                        + " `from` and `to`, and `k` within the range [" + Setting.K.min() + ", " + Setting.K.max() + "]");
            }
            paths.add(new ConvergenceAnalysis.PathRequest(spec.from(), spec.to(), k));
        }
        return paths;
    }
}
