"""Catches: vote counted over the wrong axis — class counts summed over the test samples (axis 0) instead of over each row's k neighbours."""
import numpy as np


class KNNClassifier:
    def __init__(self, k=5):
        self.k = k

    def fit(self, X, y):
        self.X_ = np.asarray(X, dtype=np.float64)
        self.classes_, self.y_idx_ = np.unique(np.asarray(y), return_inverse=True)
        return self

    def predict_proba(self, X):
        X = np.asarray(X, dtype=np.float64)
        d2 = (X ** 2).sum(1)[:, None] - 2 * X @ self.X_.T + (self.X_ ** 2).sum(1)[None, :]
        nn = np.argpartition(d2, self.k - 1, axis=1)[:, : self.k]
        onehot = self.y_idx_[nn][:, :, None] == np.arange(len(self.classes_))  # (n, k, C)
        votes = onehot.sum(axis=0)  # wrong: (k, C), summed over the test samples
        return np.broadcast_to(votes.sum(axis=0) / votes.sum(), (len(X), len(self.classes_))).copy()

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
