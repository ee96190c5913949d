"""Catches: ties broken arbitrarily — a tied vote goes to the label of the nearest neighbour (collections.Counter order)."""
from collections import Counter

import numpy as np


class KNNClassifier:
    def __init__(self, k=5):
        self.k = k

    def fit(self, X, y):
        self.X_ = np.asarray(X, dtype=np.float64)
        self.y_ = np.asarray(y)
        self.classes_ = np.unique(self.y_)
        return self

    def _nearest(self, X):
        X = np.asarray(X, dtype=np.float64)
        d2 = (X ** 2).sum(1)[:, None] - 2 * X @ self.X_.T + (self.X_ ** 2).sum(1)[None, :]
        return np.argsort(d2, axis=1, kind="stable")[:, : self.k]  # nearest first

    def predict_proba(self, X):
        labels = self.y_[self._nearest(X)]
        return (labels[:, :, None] == self.classes_).mean(axis=1)

    def predict(self, X):
        # Counter.most_common keeps first-seen order on ties: the nearest neighbour's label wins
        return np.array([Counter(row).most_common(1)[0][0] for row in self.y_[self._nearest(X)]])
