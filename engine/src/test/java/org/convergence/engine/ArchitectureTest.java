package org.convergence.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's dependency rules, checked on its compiled classes (main code of all modules). The layers
 * and what each may use are drawn in {@code docs/architecture.md}.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.convergence");
    }

    /** The layers of the engine: each may use the ones below it, never one above. */
    @Test
    void layersAreUsedOnlyFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("org.convergence.engine.cli..")
                .layer("application").definedBy("org.convergence.engine.app..")
                .layer("bench").definedBy("org.convergence.engine.bench..")
                .layer("store").definedBy("org.convergence.engine.store..")
                .layer("output").definedBy("org.convergence.engine.output..")
                .layer("dataset").definedBy("org.convergence.engine.dataset..")
                .layer("analysis").definedBy("org.convergence.engine.analysis..")
                .layer("web").definedBy("org.convergence.engine.web..")
                .layer("loader").definedBy("org.convergence.loader..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("application", "cli")
                .whereLayer("output").mayOnlyBeAccessedByLayers("application", "cli")
                .whereLayer("dataset").mayOnlyBeAccessedByLayers("store", "output", "application", "cli")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("bench", "store", "output", "dataset", "application",
                        "cli")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void analysesKnowNothingOfNeo4jTheCommandLineOrTheLoader() {
        noClasses().that().resideInAPackage("org.convergence.engine.analysis..").should().dependOnClassesThat()
                .resideInAnyPackage("org.neo4j..", "picocli..", "org.convergence.loader..", "org.convergence.cypher..")
                .check(classes);
    }

    @Test
    void outputsRenderWhatTheyAreGivenNotNeo4j() {
        // text, JSON, HTML and exports take the result model and the data set's view, or the matrix read back
        // (the loader's matrix layouts, which write as they read); the database, its Cypher, the loader's
        // parsers and writer and the command line stay out of them
        noClasses().that().resideInAPackage("org.convergence.engine.output..").should().dependOnClassesThat()
                .resideInAnyPackage("org.neo4j..", "picocli..", "org.convergence.cypher..", "org.convergence.loader.neo4j..",
                        "org.convergence.loader.csv..", "org.convergence.loader.seed..", "org.convergence.loader.suggest..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("org.convergence.engine.cli..").should().dependOnClassesThat()
                .resideInAPackage("picocli..").check(classes);
    }

    @Test
    void onlyTheStoreAndTheLoadersWriterUseTheDriver() {
        noClasses().that().resideOutsideOfPackages("org.convergence.engine.store..", "org.convergence.loader.neo4j..")
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
