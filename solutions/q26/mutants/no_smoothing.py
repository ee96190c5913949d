"""Catches: no smoothing — P(w | c) = N_cw / N_c, so a word unseen in a class gives log 0 = -inf."""
import numpy as np


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        self.classes_, idx = np.unique(y, return_inverse=True)
        Y = np.eye(len(self.classes_))[idx]
        counts = Y.T @ X
        with np.errstate(divide="ignore"):
            self.flp = np.log(counts) - np.log(counts.sum(1, keepdims=True))
        self.prior = np.log(Y.sum(0) / len(y))
        return self

    def predict_log_proba(self, X):
        X = np.asarray(X, dtype=np.float64)
        with np.errstate(invalid="ignore"):
            jll = X @ self.flp.T + self.prior  # 0 * -inf = NaN, x * -inf = -inf
            m = jll.max(1, keepdims=True)
            return jll - (m + np.log(np.exp(jll - m).sum(1, keepdims=True)))

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_log_proba(X), axis=1)]
