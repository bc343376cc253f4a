package org.convergence.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's dependency rules, checked on its compiled classes (main code of all modules). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.convergence");
    }

    @Test
    void analysesKnowNothingOfNeo4jTheCommandLineOrTheLoader() {
        noClasses().that().resideInAPackage("org.convergence.engine.analysis..").should().dependOnClassesThat()
                .resideInAnyPackage("org.neo4j..", "picocli..", "org.convergence.loader..", "org.convergence.engine.neo4j..",
                        "org.convergence.engine.cli..", "org.convergence.cypher..")
                .check(classes);
    }

    @Test
    void exportsWriteFromTheRunReadersRecordsNotFromNeo4j() {
        // the writers take RunReader's records and streams, or the matrix read back (the loader's matrix
        // layouts, which write as they read); the database, its Cypher, the loader's writer and the
        // command line stay out of them
        noClasses().that().resideInAPackage("org.convergence.engine.export..").should().dependOnClassesThat()
                .resideInAnyPackage("org.neo4j..", "picocli..", "org.convergence.engine.cli..", "org.convergence.cypher..",
                        "org.convergence.loader.neo4j..", "org.convergence.loader.csv..", "org.convergence.loader.seed..")
                .check(classes);
    }

    @Test
    void reportsRenderDataTheyAreGivenNotNeo4j() {
        noClasses().that().resideInAPackage("org.convergence.engine.report..").should().dependOnClassesThat()
                .resideInAnyPackage("org.neo4j..", "picocli..", "org.convergence.engine.cli..", "org.convergence.cypher..",
                        "org.convergence.engine.neo4j..", "org.convergence.loader..")
                .check(classes);
    }

    @Test
    void onlyTheNeo4jPackagesUseTheDriver() {
        noClasses().that().resideOutsideOfPackages("org.convergence.engine.neo4j..", "org.convergence.loader.neo4j..")
                .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..")
                .check(classes);
    }

    @Test
    void theLoaderKnowsNothingOfTheEngine() {
        noClasses().that().resideInAPackage("org.convergence.loader..").should().dependOnClassesThat()
                .resideInAPackage("org.convergence.engine..").check(classes);
    }

    @Test
    void whatRunsCypherTakesItFromTheCypherModule() {
        // every class that hands a statement to the driver or the embedded database also reads the
        // statement from the .cypher files: no Cypher strings are written in Java
        java.util.Set<String> runners = java.util.Set.of("org.neo4j.driver.QueryRunner", "org.neo4j.driver.Session",
                "org.neo4j.driver.TransactionContext", "org.neo4j.driver.Transaction",
                "org.neo4j.graphdb.GraphDatabaseService");
        classes().that(com.tngtech.archunit.base.DescribedPredicate.describe("run statements on Neo4j",
                (com.tngtech.archunit.core.domain.JavaClass c) -> c.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> runners.contains(call.getTargetOwner().getName())
                                && (call.getName().equals("run") || call.getName().startsWith("execute")))))
                .should().dependOnClassesThat().haveFullyQualifiedName("org.convergence.cypher.Cypher")
                .check(classes);
    }
}
