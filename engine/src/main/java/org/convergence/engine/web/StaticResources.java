package org.convergence.engine.web;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import org.convergence.cypher.Cypher;

/**
 * Serves the Neo4j Browser guide and style of the {@code cypher} module from Neo4j's own HTTP port,
 * under {@code /static}, so that {@code browser.post_connect_cmd} can load them after connecting.
 */
@Path("/")
public class StaticResources {

    /** @return the Browser guide (Markdown, slides separated by {@code ---}) */
    @GET
    @Path("guide.md")
    @Produces("text/markdown; charset=utf-8")
    public Response guide() {
        return cors(Cypher.text("guide/guide.md"));
    }

    /** @return the Browser graph style (GRASS) */
    @GET
    @Path("style.grass")
    @Produces("text/plain; charset=utf-8")
    public Response style() {
        return cors(Cypher.text("guide/style.grass"));
    }

    private static Response cors(String body) {
        return Response.ok(body).header("Access-Control-Allow-Origin", "*").build();
    }
}
