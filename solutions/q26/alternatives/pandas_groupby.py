"""A correct answer in another style: pandas groupby sums for the counts, log-probabilities via np.logaddexp.reduce."""
import numpy as np
import pandas as pd


class MultinomialNB:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def fit(self, X, y):
        df = pd.DataFrame(np.asarray(X, dtype=float))
        grouped = df.groupby(np.asarray(y))
        totals = grouped.sum().sort_index() + self.alpha
        self.classes_ = totals.index.to_numpy()
        self.word_logp_ = np.log(totals.to_numpy()) - np.log(totals.to_numpy().sum(axis=1))[:, None]
        sizes = grouped.size().sort_index().to_numpy()
        self.prior_logp_ = np.log(sizes / sizes.sum())
        return self

    def predict_log_proba(self, X):
        joint = np.asarray(X, dtype=float).dot(self.word_logp_.T) + self.prior_logp_
        return joint - np.logaddexp.reduce(joint, axis=1)[:, None]

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_log_proba(X), axis=1)]
