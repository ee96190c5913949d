"""Hidden suite for q24, k-nearest neighbours classifier (compared with scikit-learn's brute-force KNN)."""
import time

import numpy as np
import pytest
from sklearn.datasets import load_digits, load_iris
from scipy.spatial.distance import cdist
from sklearn.neighbors import KNeighborsClassifier

from grader.testing import assert_close, assert_equal

SPEED_BUDGET_S = 3.0  # stated in the prompt; a vectorised answer needs well under 0.5 s on an idle 2-core CPU


def reference(X_train, y_train, X_test, k):
    ref = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(X_train, y_train)
    return ref.predict(X_test), ref.predict_proba(X_test)


def unambiguous(X_train, X_test, k):
    """Test rows whose k nearest neighbours are well defined: the k-th and (k+1)-th distances differ.
    Rows with a distance tie at the boundary may legitimately pick either neighbour, so they are not
    compared (the prompt leaves that choice open)."""
    d = cdist(X_test, X_train)
    if k >= X_train.shape[0]:
        return np.ones(len(X_test), dtype=bool)
    part = np.sort(d, axis=1)[:, k - 1:k + 1]
    return part[:, 1] - part[:, 0] > 1e-6 * (1.0 + part[:, 1])


def blobs(rng, n, d, labels, spread=2.0):
    centres = rng.normal(scale=spread, size=(len(labels), d))
    which = rng.integers(0, len(labels), size=n)
    return centres[which] + rng.normal(size=(n, d)), np.asarray(labels)[which]


def split(X, y, rng, n_test):
    perm = rng.permutation(len(X))
    return X[perm[n_test:]], y[perm[n_test:]], X[perm[:n_test]], y[perm[:n_test]]


def check_case(submission, X_train, y_train, X_test, k, what, proba=True):
    clf = submission.KNNClassifier(k=k)
    clf.fit(X_train, y_train)
    exp_pred, exp_proba = reference(X_train, y_train, X_test, k)
    keep = unambiguous(X_train, X_test, k)
    pred = np.asarray(clf.predict(X_test))
    assert pred.shape == (len(X_test),), f"predict on {what} returned shape {pred.shape}, expected ({len(X_test)},)"
    assert_equal(pred[keep], exp_pred[keep], f"predict on {what} (k={k})")
    if proba:
        p = np.asarray(clf.predict_proba(X_test), dtype=np.float64)
        assert p.shape == exp_proba.shape, (
            f"predict_proba on {what} returned shape {p.shape}, expected {exp_proba.shape} "
            "(one column per distinct training label)")
        assert_close(p[keep], exp_proba[keep], f"predict_proba on {what} (k={k})", rtol=1e-6, atol=1e-9)


@pytest.mark.points(1)
def test_fit_returns_self(submission):
    """fit(X, y) returns the classifier itself"""
    probe = """
def probe(sub, X, y):
    clf = sub.KNNClassifier(k=3)
    return clf.fit(X, y) is clf
"""
    rng = np.random.default_rng(0)
    assert submission.probe(probe, rng.normal(size=(20, 3)), rng.integers(0, 3, 20)) is True, (
        "fit(X, y) should return self, so that KNNClassifier(k).fit(X, y).predict(X_new) works")


@pytest.mark.points(2)
def test_iris_matches_sklearn(submission):
    """predict and predict_proba on iris match KNeighborsClassifier for k = 1, 3, 7"""
    X, y = load_iris(return_X_y=True)
    X_train, y_train, X_test, _ = split(X, y, np.random.default_rng(1), 50)
    for k in (1, 3, 7):
        check_case(submission, X_train, y_train, X_test, k, "iris")


@pytest.mark.points(2)
def test_generated_data_any_labels(submission):
    """several shapes (1 to 40 features, 2 to 6 classes) with labels that are not 0..C-1"""
    rng = np.random.default_rng(2)
    cases = [(60, 1, [0, 1], 3), (150, 5, [-4, 2, 9], 5), (200, 40, [10, 20, 30, 40, 50, 60], 4),
             (80, 2, [3, 7, 100, 5], 6)]
    for n, d, labels, k in cases:
        X, y = blobs(rng, n, d, labels, spread=1.0)
        X_train, y_train, X_test, _ = split(X, y, rng, n // 4)
        check_case(submission, X_train, y_train, X_test, k,
                   f"generated data ({d} features, labels {sorted(labels)})")


@pytest.mark.points(1)
def test_default_k_is_5(submission):
    """KNNClassifier() uses k=5"""
    rng = np.random.default_rng(3)
    X, y = blobs(rng, 120, 3, [0, 1, 2], spread=0.7)
    X_train, y_train, X_test, _ = split(X, y, rng, 40)
    clf = submission.KNNClassifier()
    clf.fit(X_train, y_train)
    _, exp_proba = reference(X_train, y_train, X_test, 5)
    keep = unambiguous(X_train, X_test, 5)
    p = np.asarray(clf.predict_proba(X_test), dtype=np.float64)
    assert_close(p[keep], exp_proba[keep], "predict_proba of KNNClassifier() (default k)", rtol=1e-6, atol=1e-9)


@pytest.mark.points(2)
def test_ties_go_to_smallest_label(submission):
    """a tied vote predicts the smallest of the tied labels, even when a larger label is nearer"""
    # One feature; training points at distinct distances so that only the vote can tie.
    X_train = np.array([[0.0], [1.0], [2.1], [3.3], [4.6], [6.0]])
    y_train = np.array([9, 4, 9, 4, 6, 1])
    X_test = np.array([[-0.1], [-0.2], [0.2], [6.2]])
    # k=2: nearest are 9 (closer) and 4 -> 4.  k=4: two 9s and two 4s -> 4.  k=6: 9,4 twice, 6, 1 -> 4.
    for k in (2, 4):
        clf = submission.KNNClassifier(k=k)
        clf.fit(X_train, y_train)
        exp, _ = reference(X_train, y_train, X_test[:3], k)
        assert_equal(clf.predict(X_test[:3]), exp, f"predict with a tied vote (k={k})")
    # Three-way tie: labels 5, 3, 8 each once among the 3 nearest; the nearest is 8.
    X3 = np.array([[0.0], [0.5], [1.2], [10.0]])
    y3 = np.array([8, 5, 3, 5])
    clf = submission.KNNClassifier(k=3)
    clf.fit(X3, y3)
    assert_equal(clf.predict(np.array([[0.0], [-1.0]])), np.array([3, 3]), "predict with a three-way tied vote (k=3)")


@pytest.mark.points(1)
def test_digits_matches_sklearn(submission):
    """load_digits (64 features, 10 classes) matches KNeighborsClassifier, k=3"""
    X, y = load_digits(return_X_y=True)
    X_train, y_train, X_test, _ = split(X, y, np.random.default_rng(4), 300)
    check_case(submission, X_train, y_train, X_test, 3, "digits")


@pytest.mark.points(1)
def test_k1_on_training_data(submission):
    """with k=1, predicting the training points returns their own labels"""
    rng = np.random.default_rng(5)
    X, y = blobs(rng, 100, 4, [1, 2, 3], spread=0.3)
    clf = submission.KNNClassifier(k=1)
    clf.fit(X, y)
    assert_equal(clf.predict(X), y, "predict(X_train) with k=1")


def calibration_s(X_train, y_train, X_test, k):
    """Wall time of a plain NumPy KNN (expanded distances, full sort) on the grader's side, so that the
    budget grows when the machine is busy (other jobs share the CPU)."""
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        d2 = (X_test ** 2).sum(1)[:, None] - 2 * X_test @ X_train.T + (X_train ** 2).sum(1)[None, :]
        nn = np.argsort(d2, axis=1)[:, :k]
        np.stack([(y_train[nn] == c).sum(1) for c in np.unique(y_train)], axis=1).argmax(1)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.points(2)
def test_vectorised_speed(submission):
    """predict on 2,000 x 2,000 samples (10 features) finishes within the time budget, and is right"""
    rng = np.random.default_rng(6)
    X, y = blobs(rng, 4000, 10, [0, 1, 2, 3, 4], spread=1.0)
    X_train, y_train, X_test = X[:2000], y[:2000], X[2000:]
    clf = submission.KNNClassifier(k=5)
    clf.fit(X_train, y_train)
    elapsed = float("inf")
    for _attempt in range(2):  # a second try when the first narrowly misses (a busy machine)
        budget = max(SPEED_BUDGET_S, 10 * calibration_s(X_train, y_train, X_test, 5))
        start = time.perf_counter()
        pred = np.asarray(clf.predict(X_test))
        elapsed = min(elapsed, time.perf_counter() - start)
        if elapsed <= budget or elapsed > 3 * budget:  # retry only a near miss, never a hopeless one
            break
    assert elapsed <= budget, (
        f"predict on 2,000 test x 2,000 training samples took {elapsed:.1f} s; the budget is "
        f"{budget:.1f} s. Compute all distances with array operations instead of Python loops.")
    exp, _ = reference(X_train, y_train, X_test, 5)
    keep = unambiguous(X_train, X_test, 5)
    assert_equal(pred[keep], exp[keep], "predict on the 2,000 x 2,000 problem")
