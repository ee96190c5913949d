"""Catches: X centred in place (the caller's data is modified)."""
import numpy as np


def pca_compress(X, k):
    mean = X.mean(axis=0)
    X -= mean
    _, _, Vt = np.linalg.svd(X, full_matrices=False)
    components = Vt[:k]
    return X @ components.T, components, mean


def pca_reconstruct(Z, components, mean):
    return Z @ components + mean
