package org.convergence.engine.cli;

/** Output formats: readable tables, or one JSON object on stdout. */
enum Format {
    text, json
}
