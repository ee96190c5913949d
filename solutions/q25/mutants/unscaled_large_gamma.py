"""Catches: unscaled features with a badly chosen gamma — raw 0-16 pixels with gamma=0.1, so every kernel value between different images is ~0."""
from sklearn.svm import SVC


def train_digits_svm(X_train, y_train):
    return SVC(kernel="rbf", gamma=0.1).fit(X_train, y_train)
