"""A correct answer in another style: one loop over the test rows (each row vectorised), np.argsort and np.bincount."""
import numpy as np


class KNNClassifier:
    def __init__(self, k=5):
        self.k = k

    def fit(self, X, y):
        self.X = np.array(X, dtype=float)
        self.labels, self.codes = np.unique(y, return_inverse=True)
        return self

    def predict_proba(self, X):
        X = np.array(X, dtype=float)
        out = np.empty((X.shape[0], len(self.labels)))
        for i, x in enumerate(X):
            dist = np.linalg.norm(self.X - x, axis=1)
            nearest = np.argsort(dist, kind="stable")[: self.k]
            out[i] = np.bincount(self.codes[nearest], minlength=len(self.labels)) / self.k
        return out

    def predict(self, X):
        proba = self.predict_proba(X)
        best = proba.max(axis=1, keepdims=True)
        first = np.argmax(np.isclose(proba, best), axis=1)  # first (smallest) label among the tied maxima
        return self.labels[first]
