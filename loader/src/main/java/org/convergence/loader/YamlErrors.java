package org.convergence.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The line a YAML mapping error is on, for messages that name file and line. */
public final class YamlErrors {

    private YamlErrors() {
    }

    /**
     * @param yaml the document
     * @param e Jackson's error
     * @return the 1-based line: for an unknown key, the line where that key is written (Jackson reports
     *     the position after its value); otherwise Jackson's own location; null when unknown
     */
    public static Integer line(byte[] yaml, JsonProcessingException e) {
        Integer reported = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? null : e.getLocation().getLineNr();
        if (e instanceof UnrecognizedPropertyException u && u.getPropertyName() != null) {
            Pattern key = Pattern.compile("^\\s*(?:-\\s+)?" + Pattern.quote(u.getPropertyName()) + "\\s*:.*");
            String[] lines = new String(yaml, StandardCharsets.UTF_8).split("\n", -1);
            Integer found = null;
            int limit = reported == null ? lines.length : Math.min(reported, lines.length);
            for (int i = 0; i < limit; i++) {
                if (key.matcher(lines[i]).matches()) {
                    found = i + 1;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return reported;
    }
}
