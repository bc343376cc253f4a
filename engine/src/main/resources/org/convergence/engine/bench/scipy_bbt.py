"""Reference for `convergence benchmark`: scipy's sparse B·Bᵀ on the same edge list.

Reads little-endian int32 pairs (process, theme) from argv[1], builds the process x theme CSR
matrix B with argv[2] rows and argv[3] columns, and times B @ B.T (best of argv[4] runs). Then, outside
the timed region, derives from the product the shared count and the Jaccard, overlap, cosine and Dice
scores of every overlapping pair (upper triangle) and sums each over all pairs, so that the engine can
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
print(json.dumps({"scipy": scipy.__version__, "seconds": best, "nnz": int(product.nnz),
                  "pairs": int(upper.nnz), "sums": sums}))
