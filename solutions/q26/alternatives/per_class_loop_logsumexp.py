"""A correct answer in another style: a loop over classes with boolean masks, scipy.special.logsumexp, dicts of parameters."""
import numpy as np
from scipy.special import logsumexp


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        X = np.asarray(X)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        rows_log_prior, rows_log_lik = [], []
        for c in self.classes_:
            Xc = X[y == c]
            rows_log_prior.append(np.log(len(Xc) / len(X)))
            word_totals = Xc.sum(axis=0) + self.alpha
            rows_log_lik.append(np.log(word_totals / word_totals.sum()))
        self.log_prior = np.array(rows_log_prior)
        self.log_lik = np.vstack(rows_log_lik)
        return self

    def predict_log_proba(self, X):
        scores = np.einsum("nw,cw->nc", np.asarray(X, dtype=float), self.log_lik) + self.log_prior
        return scores - logsumexp(scores, axis=1, keepdims=True)

    def predict(self, X):
        return self.classes_[self.predict_log_proba(X).argmax(axis=1)]
