"""Hidden suite for q29, Gini impurity and the best decision-tree split.

Expected splits come from scikit-learn (a depth-1 DecisionTreeClassifier, on data without gain ties) and
from an exact reference here that compares gains as fractions, so that true ties are found exactly.
"""
from fractions import Fraction

import numpy as np
import pytest
from sklearn.datasets import load_digits, load_iris
from sklearn.tree import DecisionTreeClassifier

from grader.testing import assert_close


def gini_exact(counts):
    n = int(sum(counts))
    return Fraction(0) if n == 0 else 1 - sum(Fraction(int(c), n) ** 2 for c in counts)


def exact_gains(X, y):
    """{(feature, threshold): exact gain} for every candidate split (threshold = midpoint of distinct values)."""
    _, y_idx = np.unique(y, return_inverse=True)
    onehot = np.eye(y_idx.max() + 1, dtype=np.int64)[y_idx.ravel()]
    n = len(y)
    total = onehot.sum(0)
    parent = gini_exact(total)
    gains = {}
    for j in range(X.shape[1]):
        order = np.argsort(X[:, j], kind="stable")
        xs = X[order, j]
        left = np.cumsum(onehot[order], axis=0)
        for i in np.nonzero(xs[:-1] < xs[1:])[0]:
            L, nl = left[i], i + 1
            g = parent - Fraction(nl, n) * gini_exact(L) - Fraction(n - nl, n) * gini_exact(total - L)
            gains[(j, float((xs[i] + xs[i + 1]) / 2.0))] = g
    return gains


def call_best_split(submission, X, y, what):
    out = submission.best_split(X, y)
    assert isinstance(out, (tuple, list)) and len(out) == 3, "best_split should return (feature, threshold, gain)"
    feature, threshold, gain = out
    assert feature is None or isinstance(feature, (int, np.integer)), (
        f"feature on {what} should be an int, got {type(feature).__name__}")
    return feature, threshold, gain


def check_strict(submission, X, y, what):
    """The exact best split under the tie rule: lowest feature, then lowest threshold."""
    gains = exact_gains(X, y)
    top = max(gains.values())
    exp_feature, exp_threshold = min(k for k, g in gains.items() if g == top)
    feature, threshold, gain = call_best_split(submission, X, y, what)
    assert feature == exp_feature, f"on {what}, best_split chose feature {feature}; a better or tie-winning split exists"
    assert_close(np.float64(threshold), np.float64(exp_threshold), f"threshold on {what}", rtol=1e-12, atol=1e-12)
    assert_close(np.float64(gain), np.float64(float(top)), f"gain on {what}", rtol=1e-9, atol=1e-12)


def check_loose(submission, X, y, what):
    """Any split whose exact gain is the best (within rounding) is accepted; its threshold must be a midpoint."""
    gains = exact_gains(X, y)
    top = float(max(gains.values()))
    feature, threshold, gain = call_best_split(submission, X, y, what)
    keys = [k for k in gains if k[0] == feature and abs(k[1] - float(threshold)) <= 1e-9 * (1.0 + abs(k[1]))]
    if not keys:
        raise AssertionError(f"on {what}, threshold {threshold:g} of feature {feature} is not the midpoint between "
                             "two consecutive distinct values of that feature")
    assert float(gains[keys[0]]) >= top - 1e-12, f"on {what}, the chosen split does not have the largest gain"
    assert_close(np.float64(gain), np.float64(top), f"gain on {what}", rtol=1e-9, atol=1e-12)


@pytest.mark.points(2)
def test_gini_values(submission):
    """gini of label arrays: pure, balanced, several classes, labels that are not 0..C-1, empty"""
    rng = np.random.default_rng(0)
    cases = [np.array([0, 0, 1, 1]), np.array([3, 3, 3]), np.array([1, 2, 3]), np.array([7, -2, 7, 7, 5]),
             rng.integers(0, 6, size=500), np.array([4])]
    for y in cases:
        expected = float(gini_exact(np.unique(y, return_counts=True)[1]))
        got = submission.gini(y)
        assert_close(np.float64(got), np.float64(expected), f"gini of a label array of length {len(y)}",
                     rtol=1e-12, atol=1e-12)
    assert_close(np.float64(submission.gini(np.array([], dtype=np.int64))), np.float64(0.0), "gini of an empty array",
                 rtol=0, atol=0)


@pytest.mark.points(3)
def test_matches_depth1_tree(submission):
    """on continuous data without ties, equals the root split of DecisionTreeClassifier(max_depth=1)"""
    rng = np.random.default_rng(1)
    for n, d, c in ((20, 1, 2), (100, 5, 3), (300, 10, 4), (60, 3, 2)):
        X = rng.normal(size=(n, d))
        y = (X @ rng.normal(size=d) + rng.normal(scale=0.7, size=n) > 0).astype(int)
        if c > 2:
            y = np.digitize(X[:, rng.integers(d)] + rng.normal(scale=0.5, size=n), np.linspace(-1, 1, c - 1))
        tree = DecisionTreeClassifier(max_depth=1, random_state=0).fit(X, y).tree_
        exp_gain = tree.impurity[0] - (tree.n_node_samples[1] * tree.impurity[1]
                                       + tree.n_node_samples[2] * tree.impurity[2]) / n
        what = f"{n} x {d} continuous data with {len(np.unique(y))} classes"
        feature, threshold, gain = call_best_split(submission, X, y, what)
        assert feature == tree.feature[0], f"on {what}, best_split chose feature {feature}, not the best one"
        # scikit-learn stores X as float32, so its midpoints are rounded to about 7 digits
        assert_close(np.float64(threshold), np.float64(tree.threshold[0]), f"threshold on {what}", rtol=1e-6, atol=1e-7)
        assert_close(np.float64(gain), np.float64(exp_gain), f"gain on {what}", rtol=1e-6, atol=1e-9)


@pytest.mark.points(2)
def test_thresholds_are_midpoints(submission):
    """thresholds are midpoints between consecutive distinct values, also with repeated values"""
    X = np.array([[1.0], [1.0], [2.0], [4.0], [4.0], [9.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    check_strict(submission, X, y, "a feature with repeated values")       # 3.0, between 2 and 4
    rng = np.random.default_rng(2)
    X = rng.integers(0, 5, size=(40, 3)).astype(float) * 2.5
    y = (X[:, 1] + rng.normal(size=40) > 5).astype(int)
    check_loose(submission, X, y, "features with many repeated values")


@pytest.mark.points(2)
def test_ties_lowest_feature_then_threshold(submission):
    """equal gains go to the lowest feature index, then the lowest threshold"""
    x = np.arange(1.0, 9.0)
    y = np.array([0, 0, 1, 0, 1, 1, 0, 0])  # thresholds 2.5 and 6.5 tie exactly
    check_strict(submission, x[:, None], y, "one feature whose best gain is reached at two thresholds")
    rng = np.random.default_rng(3)
    X = np.column_stack([rng.permutation(x), x, 9.0 - x, x])
    check_strict(submission, X, y, "several features reaching the same best gain")
    X_iris, y_iris = load_iris(return_X_y=True)  # petal length and petal width both isolate setosa
    check_strict(submission, X_iris, y_iris, "iris")


@pytest.mark.points(1)
def test_digits(submission):
    """load_digits (64 integer-valued features, 10 classes): a split with the largest gain"""
    X, y = load_digits(return_X_y=True)
    check_loose(submission, X[:600], y[:600], "600 digits")


@pytest.mark.points(1)
def test_constant_features(submission):
    """constant features are never split; all-constant X gives (None, None, 0.0)"""
    X = np.column_stack([np.full(10, 3.0), np.arange(10.0), np.full(10, -1.0)])
    y = np.array([0, 0, 0, 1, 0, 1, 1, 1, 1, 1])
    check_strict(submission, X, y, "data with constant columns")
    feature, threshold, gain = call_best_split(submission, np.ones((5, 2)), np.array([0, 1, 0, 1, 1]), "constant X")
    assert feature is None and threshold is None, "with every feature constant, best_split should return (None, None, 0.0)"
    assert_close(np.float64(gain), np.float64(0.0), "gain with every feature constant", rtol=0, atol=1e-12)
