"""Reference for `convergence benchmark`: scipy's sparse B·Bᵀ on the same edge list.

Reads little-endian int32 pairs (process, theme) from argv[1] and times, best of argv[4] runs each:
- the pipeline that matches `analyze`'s overlap stage: build the process x theme CSR matrix B (argv[2]
  rows, argv[3] columns), B @ B.T, its upper triangle, and the Jaccard index of every pair;
- B @ B.T alone, for the kernel.
Then, outside the timed regions, derives from the product the shared count and the Jaccard, overlap,
cosine and Dice scores of every overlapping pair and sums each over all pairs, so that the engine can
check its own pairs against scipy's. Prints one JSON line.
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp

path, n_rows, n_cols, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
pairs = np.fromfile(path, dtype="<i4").reshape(-1, 2)

def pipeline():
    b = sp.csr_matrix((np.ones(len(pairs), dtype=np.int32), (pairs[:, 0], pairs[:, 1])), shape=(n_rows, n_cols))
    degree = np.diff(b.indptr)
    upper = sp.triu(b @ b.T, k=1).tocoo()
    s = upper.data
    return upper.row, upper.col, s, s / (degree[upper.row] + degree[upper.col] - s)


best_pipeline = float("inf")
first_pipeline = None
for _ in range(repeat):
    start = time.perf_counter()
    result = pipeline()
    elapsed = time.perf_counter() - start
    first_pipeline = elapsed if first_pipeline is None else first_pipeline
    best_pipeline = min(best_pipeline, elapsed)
    result = None

b = sp.csr_matrix((np.ones(len(pairs), dtype=np.int32), (pairs[:, 0], pairs[:, 1])), shape=(n_rows, n_cols))
best = float("inf")
product = None
for _ in range(repeat):
    start = time.perf_counter()
    product = b @ b.T
    best = min(best, time.perf_counter() - start)

upper = sp.triu(product, k=1).tocoo()
s = upper.data.astype(np.float64)
degree = np.diff(b.indptr).astype(np.float64)
da = degree[upper.row]
db = degree[upper.col]
sums = {
    "shared": float(s.sum()),
    "jaccard": float((s / (da + db - s)).sum()),
    "overlap": float((s / np.minimum(da, db)).sum()),
    "cosine": float((s / np.sqrt(da * db)).sum()),
    "dice": float((2.0 * s / (da + db)).sum()),
}
print(json.dumps({"scipy": scipy.__version__, "seconds": best, "pipelineSeconds": best_pipeline,
                  "pipelineFirstSeconds": first_pipeline,
                  "nnz": int(product.nnz),
                  "pairs": int(upper.nnz), "sums": sums}))
