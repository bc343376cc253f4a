package org.convergence.engine.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/** The embedded server as serve starts it: on every interface, and with a password, again and again. */
class EmbeddedNeo4jIT {

    private static long count(EmbeddedNeo4j server, String password) {
        try (var driver = GraphDatabase.driver(server.boltUri().toString(), AuthTokens.basic("neo4j", password));
                var session = driver.session()) {
            return session.run("RETURN 1 AS one").single().get("one").asLong();
        }
    }

    @Test
    void wildcardHostWithPasswordStartsAndTheSamePasswordServesAgain(@TempDir Path home) throws java.io.IOException {
        EmbeddedNeo4j.Options options = new EmbeddedNeo4j.Options(home, "0.0.0.0", 0, 0, "s3cret-pass", 64);
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(options)) {
            assertThat(server.boltUri().getHost()).isEqualTo("127.0.0.1");
            // the store and its logs: the owner's alone
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
            assertThat(count(server, "s3cret-pass")).isEqualTo(1);
        }
        // a store protected with this password, served again with it: no "old and new password" failure
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(options)) {
            assertThat(count(server, "s3cret-pass")).isEqualTo(1);
        }
    }

    @Test
    void connectHostOfBoundAddresses() {
        assertThat(EmbeddedNeo4j.connectHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(EmbeddedNeo4j.connectHost("0:0:0:0:0:0:0:0")).isEqualTo("127.0.0.1");
        assertThat(EmbeddedNeo4j.connectHost("::1")).isEqualTo("[::1]");
        assertThat(EmbeddedNeo4j.connectHost("localhost")).isEqualTo("localhost");
    }
}
