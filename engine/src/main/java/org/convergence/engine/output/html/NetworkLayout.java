package org.convergence.engine.output.html;

import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * A deterministic force-directed layout of a small graph: JGraphT's Fruchterman–Reingold
 * ({@link FRLayoutAlgorithm2D}; Fruchterman &amp; Reingold, "Graph drawing by force-directed placement",
 * Software: Practice and Experience 21(11), 1991) from seeded random starting positions. Vertices are
 * added in index order, so the same graph and seed always give the same picture.
 */
public final class NetworkLayout {

    /** Width of the rectangle the positions lie in (twice its height: the report's chart is wide). */
    public static final double WIDTH = 2000;

    /** Height of the rectangle the positions lie in. */
    public static final double HEIGHT = 1000;

    /** Iterations of the force simulation; a few hundred settle graphs of the sizes a report draws. */
    static final int ITERATIONS = 1000;

    private NetworkLayout() {
    }

    /**
     * Positions of the vertices.
     *
     * @param n vertices {@code 0..n-1}
     * @param from one end per edge
     * @param to the other end per edge
     * @param seed seed of the starting positions
     * @return {@code x[v]} then {@code y[v]} per vertex, in {@code [0, WIDTH]} and {@code [0, HEIGHT]}
     */
    public static double[][] layout(int n, int[] from, int[] to, long seed) {
        if (from.length != to.length) {
            throw new IllegalArgumentException("Edge columns differ in length: " + from.length + " and " + to.length);
        }
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < n; v++) {
            g.addVertex(v);
        }
        for (int e = 0; e < from.length; e++) {
            if (from[e] != to[e]) {
                g.addEdge(from[e], to[e]);
            }
        }
        MapLayoutModel2D<Integer> model = new MapLayoutModel2D<>(new Box2D(WIDTH, HEIGHT));
        if (n > 0) {
            new FRLayoutAlgorithm2D<Integer, DefaultEdge>(ITERATIONS,
                    FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR, new Random(seed)).layout(g, model);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int v = 0; v < n; v++) {
            Point2D p = model.get(v);
            x[v] = p.getX();
            y[v] = p.getY();
        }
        // stretched to fill the square: FR leaves the drawing wherever its forces balanced
        stretch(x, WIDTH);
        stretch(y, HEIGHT);
        return new double[][] {x, y};
    }

    private static void stretch(double[] c, double size) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : c) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = max - min < 1e-9 ? size / 2 : (c[i] - min) / (max - min) * size;
        }
    }
}
