"""Catches: no smoothing (done wrong) — alpha added to the numerator only, so P(w | c) no longer sums to 1 over the vocabulary."""
import numpy as np


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        self.classes_, idx = np.unique(y, return_inverse=True)
        Y = np.eye(len(self.classes_))[idx]
        counts = Y.T @ X
        self.flp = np.log(counts + self.alpha) - np.log(counts.sum(1, keepdims=True) + self.alpha)
        self.prior = np.log(Y.sum(0) / len(y))
        return self

    def predict_log_proba(self, X):
        jll = np.asarray(X, dtype=np.float64) @ self.flp.T + self.prior
        m = jll.max(1, keepdims=True)
        return jll - (m + np.log(np.exp(jll - m).sum(1, keepdims=True)))

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_log_proba(X), axis=1)]
