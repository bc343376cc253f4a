"""Reference timing for `convergence benchmark`: scipy's sparse B·Bᵀ on the same edge list.

Reads little-endian int32 pairs (process, theme) from argv[1], builds the process x theme CSR
matrix B with argv[2] rows and argv[3] columns, and times B @ B.T (best of argv[4] runs). Prints one
JSON line with the timing, the stored entries of B·Bᵀ and the unordered overlapping pairs.
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
off_diagonal = product.nnz - int((product.diagonal() != 0).sum())
print(json.dumps({"scipy": scipy.__version__, "seconds": best, "nnz": int(product.nnz),
                  "pairs": off_diagonal // 2}))
