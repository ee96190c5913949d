"""Catches: fitting on test data — the function loads load_digits itself and trains on all of it, hidden test images included."""
from sklearn.datasets import load_digits
from sklearn.svm import SVC


def train_digits_svm(X_train, y_train):
    X, y = load_digits(return_X_y=True)
    return SVC(C=10).fit(X, y)
