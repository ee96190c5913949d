"""Catches: probabilities multiplied (underflow) — P(c) * prod_w P(w|c)^x_w in linear space, then normalised."""
import numpy as np


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        self.classes_, idx = np.unique(y, return_inverse=True)
        Y = np.eye(len(self.classes_))[idx]
        counts = Y.T @ X + self.alpha
        self.p_word = counts / counts.sum(1, keepdims=True)
        self.p_class = Y.sum(0) / len(y)
        return self

    def predict_proba(self, X):
        X = np.asarray(X, dtype=np.float64)
        like = np.prod(self.p_word[None, :, :] ** X[:, None, :], axis=2) * self.p_class  # underflows to 0
        with np.errstate(invalid="ignore", divide="ignore"):
            return like / like.sum(1, keepdims=True)

    def predict_log_proba(self, X):
        with np.errstate(divide="ignore"):
            return np.log(self.predict_proba(X))

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
