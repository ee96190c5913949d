"""Catches: components as columns vs rows mixed — components returned with shape (d, k)."""
import numpy as np


def pca_compress(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    Xc = X - mean
    _, _, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:k].T                           # (d, k)
    return Xc @ components, components, mean


def pca_reconstruct(Z, components, mean):
    return Z @ components.T + mean
