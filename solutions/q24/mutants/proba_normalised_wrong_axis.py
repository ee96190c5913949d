"""Catches: vote counted over the wrong axis — votes normalised down the columns (axis 0) instead of per test sample in predict_proba."""
import numpy as np


class KNNClassifier:
    def __init__(self, k=5):
        self.k = k

    def fit(self, X, y):
        self.X_ = np.asarray(X, dtype=np.float64)
        self.classes_, self.y_idx_ = np.unique(np.asarray(y), return_inverse=True)
        return self

    def _votes(self, X):
        X = np.asarray(X, dtype=np.float64)
        d2 = (X ** 2).sum(1)[:, None] - 2 * X @ self.X_.T + (self.X_ ** 2).sum(1)[None, :]
        nn = np.argpartition(d2, self.k - 1, axis=1)[:, : self.k]
        return (self.y_idx_[nn][:, :, None] == np.arange(len(self.classes_))).sum(axis=1)

    def predict_proba(self, X):
        votes = self._votes(X).astype(float)
        return votes / np.maximum(votes.sum(axis=0, keepdims=True), 1)  # wrong axis

    def predict(self, X):
        return self.classes_[np.argmax(self._votes(X), axis=1)]
