package org.convergence.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * How stored run and load times are shown ({@link RunReader#toSecond}): to the second, always with the
 * seconds. The reader itself is tested against a written run in {@code RunReaderIT}.
 */
class StoredTimesTest {

    @Test
    void timesKeepTheirSecondsEvenWhenZero() {
        // OffsetDateTime.toString() gives 2026-11-29T13:25Z here, one column short in a listing
        assertThat(RunReader.toSecond(ZonedDateTime.of(2026, 11, 29, 13, 25, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2026-11-29T13:25:00Z");
        assertThat(RunReader.toSecond(ZonedDateTime.of(2026, 11, 29, 13, 25, 6, 987_654_321, ZoneId.of("Etc/UTC"))))
                .isEqualTo("2026-11-29T13:25:06Z");
        assertThat(RunReader.toSecond(ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneId.of("America/Guatemala"))))
                .isEqualTo("2026-01-02T03:04:05-06:00");
    }
}
