"""A correct answer in another style: an orthonormal basis of the chosen atoms grown by Gram-Schmidt,
the residual as y minus its projection, and the coefficients solved once at the end from the QR factors."""
import numpy as np


def omp(A, y, n_nonzero):
    A = np.array(A, dtype=np.float64)
    y = np.array(y, dtype=np.float64)
    m, n = A.shape
    Q = np.zeros((m, 0))
    chosen = []
    r = y.copy()
    available = np.ones(n, dtype=bool)
    for _ in range(n_nonzero):
        scores = np.where(available, np.abs(A.T @ r), -1.0)
        j = int(np.argmax(scores))
        q = A[:, j] - Q @ (Q.T @ A[:, j])
        q -= Q @ (Q.T @ q)              # second pass for numerical orthogonality
        q /= np.linalg.norm(q)
        Q = np.column_stack([Q, q])
        chosen.append(j)
        available[j] = False
        r = y - Q @ (Q.T @ y)
    R = Q.T @ A[:, chosen]              # upper-triangular: A[:, chosen] = Q R
    coef = np.linalg.solve(R, Q.T @ y)
    x = np.zeros(n)
    x[chosen] = coef
    return x
