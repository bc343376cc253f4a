package org.convergence.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
        // the log holds neither the password nor the command line it could have been given on
        String log = java.nio.file.Files.readString(home.resolve("logs").resolve("debug.log"));
        assertThat(log).doesNotContain("s3cret-pass").doesNotContain("sun.java.command");
    }

    @Test
    void outsideClientsFailingToLogInCannotLockOutTheServersOwnConnection(@TempDir Path home) {
        EmbeddedNeo4j.Options options = new EmbeddedNeo4j.Options(home, "0.0.0.0", 0, 0, "s3cret-pass", 64);
        for (int start = 0; start < 6; start++) {
            EmbeddedNeo4j server = EmbeddedNeo4j.start(options);
            // as soon as Bolt answers, someone on the network tries passwords: enough to lock neo4j out
            for (int attempt = 0; attempt < 5; attempt++) {
                try (var driver = GraphDatabase.driver(server.boltUri().toString(), AuthTokens.basic("neo4j", "guess-"
                        + attempt))) {
                    driver.verifyConnectivity();
                    throw new AssertionError("a wrong password was accepted");
                } catch (org.neo4j.driver.exceptions.ClientException expected) {
                    // refused, as it should be
                }
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> count(server, "s3cret-pass"))
                    .hasMessageContaining("too many times"); // neo4j is locked out for now
            // the server's own connection logs in as its own user, which nobody outside can lock out
            try (Neo4jConnection own = Neo4jConnection.attach(server, "serve")) {
                own.driver().verifyConnectivity();
                assertThat(own.driver().session().run("RETURN 1 AS one").single().get("one").asLong()).isEqualTo(1);
            }
        }
    }

    /** A self-signed certificate for localhost made with the JDK's keytool, written as PEM files. */
    static EmbeddedNeo4j.Tls selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("tls.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "neo4j", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        java.util.Base64.Encoder b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
        Path cert = dir.resolve("public.crt");
        Path key = dir.resolve("private.key");
        java.nio.file.Files.writeString(cert, "-----BEGIN CERTIFICATE-----\n"
                + b64.encodeToString(ks.getCertificate("neo4j").getEncoded()) + "\n-----END CERTIFICATE-----\n");
        java.nio.file.Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + b64.encodeToString(ks.getKey("neo4j", "changeit".toCharArray()).getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new EmbeddedNeo4j.Tls(cert, key);
    }

    @Test
    void withTlsBoltIsEncryptedOnlyAndBrowserIsServedOverHttps(@TempDir Path home, @TempDir Path certs) throws Exception {
        EmbeddedNeo4j.Tls tls = selfSigned(certs);
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(new EmbeddedNeo4j.Options(home, "0.0.0.0", 0, 0, "s3cret-pass",
                64, tls, "seed"))) {
            assertThat(server.boltUri().getScheme()).isEqualTo("bolt+ssc");
            assertThat(count(server, "s3cret-pass")).isEqualTo(1);
            // plain text is refused
            URI plain = URI.create("bolt://127.0.0.1:" + server.boltUri().getPort());
            try (var driver = GraphDatabase.driver(plain, AuthTokens.basic("neo4j", "s3cret-pass"))) {
                assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(RuntimeException.class);
            }
            assertThat(server.httpUri().orElseThrow().getScheme()).isEqualTo("https");
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
