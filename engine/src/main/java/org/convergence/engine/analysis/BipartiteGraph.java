package org.convergence.engine.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A two-mode graph of processes and themes in compressed sparse row form: for each process the
 * sorted ids of its themes (and their weights), and for each theme the sorted ids of its processes.
 * Processes and themes are numbered in the sorted order of their string ids, so every result built
 * from this graph is deterministic.
 *
 * <p>Memory is {@code O(P + T + E)} ints and, when weighted, {@code O(E)} doubles.
 */
public final class BipartiteGraph {

    /**
     * One process-theme edge as read from a source.
     *
     * @param process process id
     * @param theme theme id
     * @param weight edge weight, {@code 1} for unweighted data
     */
    public record Edge(String process, String theme, double weight) {
    }

    private final String[] processes;
    private final String[] themes;
    private final int[] processOffsets;
    private final int[] processThemes;
    private final double[] processWeights;
    private final int[] themeOffsets;
    private final int[] themeProcesses;
    private final double[] themeWeights;
    private final int[] columnPositions;
    private final boolean weighted;

    private BipartiteGraph(String[] processes, String[] themes, int[] processOffsets, int[] processThemes,
            double[] processWeights, int[] themeOffsets, int[] themeProcesses, double[] themeWeights,
            boolean weighted) {
        this.processes = processes;
        this.themes = themes;
        this.processOffsets = processOffsets;
        this.processThemes = processThemes;
        this.processWeights = processWeights;
        this.themeOffsets = themeOffsets;
        this.themeProcesses = themeProcesses;
        this.themeWeights = themeWeights;
        this.weighted = weighted;
        this.columnPositions = columnPositions(processOffsets, themeOffsets, themeProcesses);
    }

    /**
     * For each process-major edge, its index in the theme-major arrays: walking the themes in order
     * and each theme's processes in order meets every process's edges in their sorted theme order.
     */
    private static int[] columnPositions(int[] processOffsets, int[] themeOffsets, int[] themeProcesses) {
        int[] cursor = Arrays.copyOf(processOffsets, processOffsets.length - 1);
        int[] positions = new int[themeProcesses.length];
        for (int t = 0; t + 1 < themeOffsets.length; t++) {
            for (int j = themeOffsets[t]; j < themeOffsets[t + 1]; j++) {
                positions[cursor[themeProcesses[j]]++] = j;
            }
        }
        return positions;
    }

    /**
     * Builds the graph. Parallel edges (same process and theme, e.g. from two matrix rows) become one
     * edge whose weight is the largest of theirs.
     *
     * @param edges the edges; weights must be finite and positive
     * @param weighted whether weights carry information (otherwise weighted scores are not reported)
     * @throws IllegalArgumentException naming an edge with an invalid weight
     */
    public static BipartiteGraph of(List<Edge> edges, boolean weighted) {
        TreeSet<String> p = new TreeSet<>();
        TreeSet<String> t = new TreeSet<>();
        for (Edge e : edges) {
            if (!(e.weight() > 0) || !Double.isFinite(e.weight())) {
                throw new IllegalArgumentException("Value for `weight` of edge " + e.process() + " -> " + e.theme()
                        + " was `" + e.weight() + "`, but must be a finite number > 0");
            }
            p.add(e.process());
            t.add(e.theme());
        }
        return build(p.toArray(String[]::new), t.toArray(String[]::new), edges, weighted);
    }

    /**
     * Builds the graph from integer edges, for generated data (no string ids are kept but their index).
     *
     * @param processCount number of processes; process {@code i} gets id {@code "p" + i} padded for sorting
     */
    public static BipartiteGraph ofIndices(int processCount, int themeCount, int[] edgeProcess, int[] edgeTheme) {
        String[] p = new String[processCount];
        String[] t = new String[themeCount];
        int pw = Integer.toString(Math.max(0, processCount - 1)).length();
        int tw = Integer.toString(Math.max(0, themeCount - 1)).length();
        for (int i = 0; i < processCount; i++) {
            p[i] = "p" + pad(i, pw);
        }
        for (int i = 0; i < themeCount; i++) {
            t[i] = "t" + pad(i, tw);
        }
        return fromIndexArrays(p, t, edgeProcess, edgeTheme, null, false);
    }

    /**
     * Builds the graph from edges given as indexes into id arrays already in sorted order (what
     * {@link TwoModeData.Builder} produces); parallel edges become one, with the largest weight.
     */
    static BipartiteGraph ofSortedIds(String[] processes, String[] themes, int[] edgeProcess, int[] edgeTheme,
            double[] edgeWeight, boolean weighted) {
        return fromIndexArrays(processes, themes, edgeProcess, edgeTheme, edgeWeight, weighted);
    }

    private static String pad(int i, int width) {
        String s = Integer.toString(i);
        return "0".repeat(width - s.length()) + s;
    }

    private static BipartiteGraph build(String[] p, String[] t, List<Edge> edges, boolean weighted) {
        Map<String, Integer> pi = new HashMap<>();
        Map<String, Integer> ti = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            pi.put(p[i], i);
        }
        for (int i = 0; i < t.length; i++) {
            ti.put(t[i], i);
        }
        int[] ep = new int[edges.size()];
        int[] et = new int[edges.size()];
        double[] ew = new double[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            ep[i] = pi.get(edges.get(i).process());
            et[i] = ti.get(edges.get(i).theme());
            ew[i] = edges.get(i).weight();
        }
        return fromIndexArrays(p, t, ep, et, ew, weighted);
    }

    private static BipartiteGraph fromIndexArrays(String[] p, String[] t, int[] ep, int[] et, double[] ew,
            boolean weighted) {
        int m = ep.length;
        // sort edges by (process, theme) with a counting sort on process and a sort of each row
        int[] offsets = new int[p.length + 1];
        for (int i = 0; i < m; i++) {
            if (ep[i] < 0 || ep[i] >= p.length || et[i] < 0 || et[i] >= t.length) {
                throw new IllegalArgumentException("Edge " + i + " refers to process " + ep[i] + " / theme " + et[i]
                        + ", outside [0, " + p.length + ") x [0, " + t.length + ")");
            }
            offsets[ep[i] + 1]++;
        }
        for (int i = 0; i < p.length; i++) {
            offsets[i + 1] += offsets[i];
        }
        long[] keyed = new long[m];
        int[] fill = Arrays.copyOf(offsets, p.length);
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[fill[ep[i]]++] = i;
        }
        int[] rowThemes = new int[m];
        double[] rowWeights = new double[m];
        int[] newOffsets = new int[p.length + 1];
        int out = 0;
        for (int a = 0; a < p.length; a++) {
            int from = offsets[a];
            int to = offsets[a + 1];
            for (int k = from; k < to; k++) {
                keyed[k] = ((long) et[order[k]] << 32) | order[k];
            }
            Arrays.sort(keyed, from, to);
            int last = -1;
            for (int k = from; k < to; k++) {
                int theme = (int) (keyed[k] >>> 32);
                double w = ew == null ? 1.0 : ew[(int) keyed[k]];
                if (theme == last) {
                    rowWeights[out - 1] = Math.max(rowWeights[out - 1], w);
                } else {
                    rowThemes[out] = theme;
                    rowWeights[out] = w;
                    out++;
                    last = theme;
                }
            }
            newOffsets[a + 1] = out;
        }
        int[] processThemes = Arrays.copyOf(rowThemes, out);
        double[] processWeights = Arrays.copyOf(rowWeights, out);
        int[] themeOffsets = new int[t.length + 1];
        for (int k = 0; k < out; k++) {
            themeOffsets[processThemes[k] + 1]++;
        }
        for (int i = 0; i < t.length; i++) {
            themeOffsets[i + 1] += themeOffsets[i];
        }
        int[] themeProcesses = new int[out];
        double[] themeWeights = new double[out];
        int[] tf = Arrays.copyOf(themeOffsets, t.length);
        for (int a = 0; a < p.length; a++) {
            for (int k = newOffsets[a]; k < newOffsets[a + 1]; k++) {
                int slot = tf[processThemes[k]]++; // processes ascend, so each column is sorted
                themeProcesses[slot] = a;
                themeWeights[slot] = processWeights[k];
            }
        }
        return new BipartiteGraph(p, t, newOffsets, processThemes, processWeights, themeOffsets, themeProcesses,
                themeWeights, weighted);
    }

    /**
     * The same graph with the two modes swapped: themes become the rows, so that the
     * {@link OverlapKernel} computes theme co-occurrence.
     *
     * @return the transposed graph (weights kept)
     */
    public BipartiteGraph transpose() {
        int m = processThemes.length;
        int[] ep = new int[m];
        int[] et = new int[m];
        double[] ew = new double[m];
        for (int a = 0; a < processes.length; a++) {
            for (int k = processOffsets[a]; k < processOffsets[a + 1]; k++) {
                ep[k] = processThemes[k];
                et[k] = a;
                ew[k] = processWeights[k];
            }
        }
        return fromIndexArrays(themes, processes, ep, et, ew, weighted);
    }

    /** @return number of processes */
    public int processCount() {
        return processes.length;
    }

    /** @return number of themes */
    public int themeCount() {
        return themes.length;
    }

    /** @return number of distinct process-theme edges */
    public int edgeCount() {
        return processThemes.length;
    }

    /** @return whether edge weights carry information */
    public boolean weighted() {
        return weighted;
    }

    /** @return the id of process {@code i} */
    public String process(int i) {
        return processes[i];
    }

    /** @return the id of theme {@code i} */
    public String theme(int i) {
        return themes[i];
    }

    /** @return index of a process id, or -1 */
    public int processIndex(String id) {
        int i = Arrays.binarySearch(processes, id);
        return i >= 0 ? i : -1;
    }

    /** @return number of themes of process {@code a} */
    public int processDegree(int a) {
        return processOffsets[a + 1] - processOffsets[a];
    }

    /** @return number of processes of theme {@code t} */
    public int themeDegree(int t) {
        return themeOffsets[t + 1] - themeOffsets[t];
    }

    /** @return sum of the edge weights of process {@code a} */
    public double processWeight(int a) {
        double s = 0;
        for (int k = processOffsets[a]; k < processOffsets[a + 1]; k++) {
            s += processWeights[k];
        }
        return s;
    }

    int[] processOffsets() {
        return processOffsets;
    }

    int[] processThemes() {
        return processThemes;
    }

    double[] processWeights() {
        return processWeights;
    }

    int[] themeOffsets() {
        return themeOffsets;
    }

    int[] themeProcesses() {
        return themeProcesses;
    }

    double[] themeWeights() {
        return themeWeights;
    }

    /**
     * @return for each edge {@code k} in row order, its index in {@link #themeProcesses()}: the processes
     *     after process {@code a} in the column of its theme {@code processThemes[k]} start at
     *     {@code columnPositions[k] + 1}, with no search
     */
    int[] columnPositions() {
        return columnPositions;
    }

    /**
     * @param a process index
     * @param t theme index
     * @return the index of edge (a, t) in row order (the order of {@link #themesOf} row by row), or -1
     */
    public int edgeIndex(int a, int t) {
        int k = Arrays.binarySearch(processThemes, processOffsets[a], processOffsets[a + 1], t);
        return k >= 0 ? k : -1;
    }

    /**
     * Merges the theme rows of two processes once: writes the indices of the themes they share, in
     * theme order, and sums over them {@code min(w_at, w_bt)} (for weighted Jaccard), {@code 1/ln deg(t)}
     * (Adamic–Adar) and {@code 1/deg(t)} (resource allocation). No row is copied.
     *
     * @param out receives the theme indices, at least the smaller of the two theme counts long; null to
     *     skip them
     * @param sums receives the three sums, at least 3 long
     * @return the number of shared themes
     */
    public int sharedThemeSums(int a, int b, int[] out, double[] sums) {
        int i = processOffsets[a];
        int iEnd = processOffsets[a + 1];
        int j = processOffsets[b];
        int jEnd = processOffsets[b + 1];
        int n = 0;
        double min = 0;
        double adamicAdar = 0;
        double resource = 0;
        while (i < iEnd && j < jEnd) {
            int x = processThemes[i];
            int y = processThemes[j];
            if (x == y) {
                if (out != null) {
                    out[n] = x;
                }
                n++;
                int degree = themeOffsets[x + 1] - themeOffsets[x];
                min += Math.min(processWeights[i], processWeights[j]);
                adamicAdar += 1.0 / Math.log(degree);
                resource += 1.0 / degree;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        sums[0] = min;
        sums[1] = adamicAdar;
        sums[2] = resource;
        return n;
    }

    /** @return the sorted indices of the themes two processes share */
    public int[] sharedThemes(int a, int b) {
        int[] out = new int[Math.min(processDegree(a), processDegree(b))];
        return Arrays.copyOf(out, sharedThemeSums(a, b, out, new double[3]));
    }

    /** @return the largest number of themes of one process */
    public int maxProcessDegree() {
        int max = 0;
        for (int a = 0; a < processes.length; a++) {
            max = Math.max(max, processOffsets[a + 1] - processOffsets[a]);
        }
        return max;
    }

    /** @return the sorted theme indices of process {@code a} (a copy) */
    public int[] themesOf(int a) {
        return Arrays.copyOfRange(processThemes, processOffsets[a], processOffsets[a + 1]);
    }

    /** @return the sorted process indices of theme {@code t} (a copy) */
    public int[] processesOf(int t) {
        return Arrays.copyOfRange(themeProcesses, themeOffsets[t], themeOffsets[t + 1]);
    }
}
