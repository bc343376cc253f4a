package org.convergence.loader.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.convergence.loader.LoadException;
import org.convergence.loader.SourceText;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * The CSV parser on random bytes and on mutations of a valid file (seeded, a fixed number of tries):
 * it either parses cleanly or throws a {@link LoadException} that names the file and a line; never
 * another exception. A parse writes nothing, so a partial write cannot follow from it either.
 */
class CsvFuzzTest {

    private static final String VALID = "process,theme,relation,weight\nCRM,Remesas,CONVERGENCE_AREA,1\n"
            + "SOA,\"Derechos Humanos\",ACTION_PLAN,2.5\nPPP,Turismo,,0.5\nCSM,\"trata, tráfico\",LISTED,3\n";

    private static void parseCleanlyOrFailWithALine(byte[] bytes) {
        try {
            new TwoModeCsvParser(Taxonomy.builtIn()).parse(SourceText.decode("fuzz.csv", bytes), null, null);
        } catch (LoadException e) {
            assertThat(e.getMessage()).as("message of %s", e).startsWith("fuzz.csv:");
            assertThat(e.getMessage()).as("a line is named").matches("(?s)fuzz\\.csv:\\d+: .+");
        }
    }

    @Property(tries = 1500, seed = "20021")
    void randomBytes(@ForAll @Size(max = 300) byte[] bytes) {
        parseCleanlyOrFailWithALine(bytes);
    }

    @Property(tries = 1500, seed = "20022")
    void mutationsOfAValidFile(@ForAll("mutations") byte[] bytes) {
        parseCleanlyOrFailWithALine(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length - 1);
        Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) ',', (byte) '"', (byte) '\n', (byte) '\r', (byte) 0, (byte) 0xC3, (byte) 0xFF));
        return Arbitraries.integers().between(1, 6).flatMap(n -> position.list().ofSize(n).flatMap(positions ->
                value.list().ofSize(n).map(values -> {
                    byte[] out = valid.clone();
                    for (int i = 0; i < n; i++) {
                        out[positions.get(i)] = values.get(i);
                    }
                    return out;
                })));
    }
}
