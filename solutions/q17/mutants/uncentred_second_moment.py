"""Catches: eigenvectors of the wrong matrix — X.T @ X (second moment) although the codes are centred."""
import numpy as np


def pca_compress(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    vals, vecs = np.linalg.eigh(X.T @ X)
    components = vecs[:, np.argsort(vals)[::-1][:k]].T
    return (X - mean) @ components.T, components, mean


def pca_reconstruct(Z, components, mean):
    return Z @ components + mean
