package org.convergence.engine.output;

/** Output formats: readable tables, or one JSON object on stdout. */
public enum Format {
    text, json
}
