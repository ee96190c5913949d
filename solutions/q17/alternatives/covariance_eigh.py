"""A correct answer in another style: eigendecomposition of the covariance matrix (np.cov + np.linalg.eigh),
sorted by decreasing eigenvalue, with eigenvectors taken as columns and transposed, and a sign convention
that makes the largest-magnitude entry of each axis positive."""
import numpy as np


def pca_compress(X, k):
    X = np.array(X, dtype=np.float64)           # a private copy
    mean = np.mean(X, axis=0)
    cov = np.cov(X, rowvar=False)               # (d, d), centred internally
    eigenvalues, eigenvectors = np.linalg.eigh(cov)
    top = np.argsort(eigenvalues)[::-1][:k]
    components = eigenvectors[:, top].T.copy()  # columns of eigh's output are the eigenvectors
    for i in range(k):
        j = np.argmax(np.abs(components[i]))
        if components[i, j] < 0:
            components[i] = -components[i]
    Z = np.einsum("nd,kd->nk", X - mean, components)
    return Z, components, mean


def pca_reconstruct(Z, components, mean):
    return np.einsum("nk,kd->nd", Z, components) + mean[None, :]
