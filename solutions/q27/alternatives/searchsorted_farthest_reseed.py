"""A correct answer in another style: k-means++ by cumulative sums + searchsorted, a loop over clusters, centroid-shift
stopping rule, an empty cluster re-seeded at the point farthest from its centroid."""
import numpy as np
from scipy.spatial.distance import cdist


def kmeans(X, k, n_iter=100, seed=0):
    X = np.array(X, dtype=float)
    rng = np.random.default_rng(seed)
    n = X.shape[0]
    centers = np.zeros((k, X.shape[1]))
    centers[0] = X[rng.integers(0, n)]
    closest = cdist(X, centers[:1], "sqeuclidean").ravel()
    for j in range(1, k):
        cum = np.cumsum(closest)
        if cum[-1] <= 0:
            idx = rng.integers(0, n)
        else:
            idx = min(int(np.searchsorted(cum, rng.random() * cum[-1], side="right")), n - 1)
        centers[j] = X[idx]
        closest = np.minimum(closest, cdist(X, centers[j:j + 1], "sqeuclidean").ravel())

    labels = cdist(X, centers, "sqeuclidean").argmin(axis=1)
    for _ in range(n_iter):
        old = centers.copy()
        for j in range(k):
            members = X[labels == j]
            if len(members) > 0:
                centers[j] = members.mean(axis=0)
            else:
                dist_to_own = ((X - centers[labels]) ** 2).sum(axis=1)
                far = int(np.argmax(dist_to_own))
                centers[j] = X[far]
                labels[far] = j
        labels = cdist(X, centers, "sqeuclidean").argmin(axis=1)
        if np.abs(centers - old).max() < 1e-10:
            break
    return centers, labels
