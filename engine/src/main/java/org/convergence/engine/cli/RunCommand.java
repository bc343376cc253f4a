package org.convergence.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.convergence.engine.app.JobRun;
import org.convergence.engine.store.Neo4jConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code convergence run [JOB.yaml]}: a repeatable analytics job. Without a file, the built-in job
 * loads the 2002 matrix into data set {@code seed} (reloading only when the seed or taxonomy changed),
 * runs every analysis, writes the results back to Neo4j and prints a short report.
 */
@Command(name = "run", description = {"Run an analytics job: load its data sets, run its analyses, write the results"
        + " back to Neo4j and print a short report.", "Without JOB.yaml the built-in job runs on the 2002 convergence"
        + " matrix (data set `seed`); see engine/src/main/resources/org/convergence/engine/default-job.yaml."})
final class RunCommand extends ConnectedCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB.yaml", description = "Job file (default: the built-in job).")
    Path jobFile;

    @Override
    public Integer call() throws IOException {
        // every part of the job is checked before the database is opened
        JobRun.Checked job = JobRun.check(jobFile, err());
        try (Neo4jConnection neo4j = openForWriting()) {
            JobRun.execute(neo4j, job, out(), err());
        }
        return 0;
    }
}
