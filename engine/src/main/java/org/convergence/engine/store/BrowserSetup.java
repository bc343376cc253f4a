package org.convergence.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convergence.cypher.Cypher;

/**
 * What Neo4j Browser runs when it connects to a served store ({@code browser.post_connect_cmd}): the
 * project's graph style, the data set the guide's queries read ({@code $dataset}), a clear stream, and
 * the guide in Browser's sidebar.
 *
 * <p>Why so: Browser draws Markdown guides with the sidebar's colours (light text for its dark drawer),
 * so a guide opened with {@code :play} in the light main stream was light grey on white; {@code :guide}
 * opens it in the sidebar, legible in either theme. {@code :style URL} prints the raw stylesheet in a
 * frame once its fetch returns, too late for a {@code :clear}; the style given inline, as the JSON
 * Browser's {@code :style} also reads, is applied at once, and the {@code :clear} after it removes its
 * frame. The commands are separated by {@code ;}, which the inline style does not contain.
 */
final class BrowserSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BrowserSetup() {
    }

    /**
     * @param httpBase where Browser reaches the server, e.g. {@code http://localhost:7474}
     * @param dataset the data set whose name the guide's queries take as {@code $dataset}
     * @return Browser's post-connect commands, without their leading colons
     */
    static String postConnectCommands(String httpBase, String dataset) {
        return "style " + inlineStyle(Cypher.text("guide/style.grass")) + "; param dataset: '" + dataset + "'; clear;"
                + " guide " + httpBase + "/static/guide.md";
    }

    /**
     * A GRASS stylesheet as the JSON object Browser's {@code :style} reads: one member per selector, its
     * declarations as string members, quotes around captions dropped (Browser adds them back).
     *
     * @param grass the stylesheet, e.g. {@code node.Process { color: #C0392B; caption: '{name}'; }}
     * @return the JSON, with no {@code ;} in it
     * @throws IllegalArgumentException if a declaration holds a {@code ;} inside a value
     */
    static String inlineStyle(String grass) {
        Map<String, Map<String, String>> style = new LinkedHashMap<>();
        StringBuilder token = new StringBuilder();
        String selector = null;
        char quote = 0;
        for (int i = 0; i < grass.length(); i++) {
            char c = grass.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                token.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                token.append(c);
            } else if (c == '{' && selector == null) {
                selector = token.toString().strip();
                style.putIfAbsent(selector, new LinkedHashMap<>());
                token.setLength(0);
            } else if ((c == ';' || c == '}') && selector != null) {
                declare(style.get(selector), token.toString());
                token.setLength(0);
                selector = c == '}' ? null : selector;
            } else {
                token.append(c);
            }
        }
        try {
            String json = JSON.writeValueAsString(style);
            if (json.contains(";")) {
                throw new IllegalArgumentException("The Browser style holds a `;` in a value: " + json);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the Browser style as JSON", e);
        }
    }

    /** Adds one {@code property: value} declaration, the quotes around a value dropped. */
    private static void declare(Map<String, String> declarations, String declaration) {
        int colon = declaration.indexOf(':');
        if (colon > 0) {
            String value = declaration.substring(colon + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            declarations.put(declaration.substring(0, colon).strip(), value);
        }
    }
}
