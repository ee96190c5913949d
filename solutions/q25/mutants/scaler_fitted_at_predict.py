"""Catches: fitting on test data — predict standardises the images with statistics fitted on the batch being predicted."""
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


class ScaledSVC(ClassifierMixin, BaseEstimator):
    def fit(self, X, y):
        self.svc_ = SVC(C=10).fit(StandardScaler().fit_transform(X), y)
        return self

    def predict(self, X):
        return self.svc_.predict(StandardScaler().fit_transform(X))  # leak: fitted on the test batch


def train_digits_svm(X_train, y_train):
    return ScaledSVC().fit(X_train, y_train)
