package org.convergence.loader.seed;

import java.io.IOException;
import java.io.InputStream;
import org.convergence.loader.LoadException;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.SourceText;
import org.convergence.loader.matrix.MatrixDocument;
import org.convergence.loader.matrix.MatrixParser;
import org.convergence.loader.matrix.MatrixText;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * Parses a convergence matrix document in the seed's text layout (the 2002 Antigua matrix is the
 * built-in one) into a {@link LoadPlan}: the layout is read by {@link MatrixText} into a
 * {@link MatrixDocument}, which {@link MatrixParser} turns into the plan, as it does for workbooks and
 * CSV files. See {@link MatrixText} for the layout and {@link MatrixParser} for what each part becomes.
 */
public final class SeedMatrixParser {

    /** The built-in seed on the class path (a verbatim copy of the 2002 Antigua matrix, {@code 000_d0817203a57a5ef9.txt}, as the project was given it). */
    public static final String BUILT_IN = "/org/convergence/loader/matriz-convergencia-antigua-2002.txt";

    /** The data set name the built-in seed is loaded as. */
    public static final String SEED_DATASET = "seed";

    private final MatrixParser parser;

    public SeedMatrixParser(Taxonomy taxonomy, Organisations organisations) {
        this.parser = new MatrixParser(taxonomy, organisations);
    }

    /** @return the source text of the built-in seed */
    public static SourceText builtInSource() {
        try (InputStream in = SeedMatrixParser.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("Built-in seed " + BUILT_IN + " is missing from the class path");
            }
            return SourceText.decode("seed:matriz-convergencia-antigua-2002.txt", in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Built-in seed " + BUILT_IN + " cannot be read", e);
        }
    }

    /**
     * Parses a matrix document in the text layout.
     *
     * @param source the decoded document
     * @return everything to write, validated
     * @throws LoadException naming the source, line and problem
     */
    public LoadPlan parse(SourceText source) {
        return parser.parse(MatrixText.read(source));
    }
}
