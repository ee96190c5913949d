"""Catches: data not centred — the SVD is taken of X itself, so the first axis points at the mean."""
import numpy as np


def pca_compress(X, k):
    X = np.asarray(X, dtype=float)
    _, _, Vt = np.linalg.svd(X, full_matrices=False)
    components = Vt[:k]
    return X @ components.T, components, X.mean(axis=0)


def pca_reconstruct(Z, components, mean):
    return Z @ components + mean
