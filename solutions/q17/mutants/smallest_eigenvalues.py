"""Catches: eigenvectors of the smallest eigenvalues — eigh's ascending order not reversed."""
import numpy as np


def pca_compress(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    Xc = X - mean
    vals, vecs = np.linalg.eigh(np.cov(Xc, rowvar=False))
    components = vecs[:, :k].T
    return Xc @ components.T, components, mean


def pca_reconstruct(Z, components, mean):
    return Z @ components + mean
