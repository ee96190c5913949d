"""Catches: priors ignored — every class gets the same prior, only the word likelihoods are compared."""
import numpy as np


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        self.classes_, idx = np.unique(y, return_inverse=True)
        Y = np.eye(len(self.classes_))[idx]
        counts = Y.T @ X + self.alpha
        self.flp = np.log(counts / counts.sum(1, keepdims=True))
        return self

    def predict_log_proba(self, X):
        jll = np.asarray(X, dtype=np.float64) @ self.flp.T
        m = jll.max(1, keepdims=True)
        return jll - (m + np.log(np.exp(jll - m).sum(1, keepdims=True)))

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_log_proba(X), axis=1)]
