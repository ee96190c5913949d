"""Catches: components as columns vs rows mixed — rows of eigh's eigenvector matrix taken as the axes."""
import numpy as np


def pca_compress(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    Xc = X - mean
    vals, vecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - 1))
    order = np.argsort(vals)[::-1]
    components = vecs[order[:k]]                     # should be vecs[:, order[:k]].T
    return Xc @ components.T, components, mean


def pca_reconstruct(Z, components, mean):
    return Z @ components + mean
