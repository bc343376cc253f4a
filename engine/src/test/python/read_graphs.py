#!/usr/bin/env python3
"""Reads GraphML and GEXF files with NetworkX, an implementation independent of the writers, and prints
what it read as one JSON object (file -> directed, multigraph, nodes with their attributes, edges with
theirs), for ExportIT to compare with what Neo4j holds.

Usage: read_graphs.py FILE.graphml|FILE.gexf ...

A GraphML key's default applies to a node or edge that leaves the attribute out, as the GraphML
specification says; NetworkX keeps the defaults aside (G.graph["node_default"], ["edge_default"]), so
they are applied here.
"""
import json
import sys

import networkx as nx


def read(path):
    if path.endswith(".graphml"):
        g = nx.read_graphml(path)
        node_default = g.graph.get("node_default", {})
        edge_default = g.graph.get("edge_default", {})
    elif path.endswith(".gexf"):
        g = nx.read_gexf(path)
        node_default, edge_default = {}, {}
    else:
        raise SystemExit("neither GraphML nor GEXF: " + path)
    return {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "nodes": {str(n): {**node_default, **d} for n, d in g.nodes(data=True)},
        "edges": [[str(u), str(v), {**edge_default, **d}] for u, v, d in g.edges(data=True)],
    }


if __name__ == "__main__":
    json.dump({path: read(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=False, sort_keys=True)
