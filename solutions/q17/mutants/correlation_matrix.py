"""Catches: eigenvectors of the wrong matrix — the correlation matrix (standardised data) instead of the covariance."""
import numpy as np


def pca_compress(X, k):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    Xc = X - mean
    std = Xc.std(axis=0)
    std[std == 0] = 1.0
    vals, vecs = np.linalg.eigh(np.corrcoef(Xc / std, rowvar=False))
    vals, vecs = np.nan_to_num(vals), np.nan_to_num(vecs)
    components = vecs[:, np.argsort(vals)[::-1][:k]].T
    return Xc @ components.T, components, mean


def pca_reconstruct(Z, components, mean):
    return Z @ components + mean
