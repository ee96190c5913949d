"""Hidden suite for q21, precision, recall and F1."""
import numbers

import numpy as np
import pytest
from sklearn.metrics import precision_recall_fscore_support

from grader.testing import raises

NAMES = ("precision", "recall", "f1")


def reference(y_true, y_pred, average):
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=average, zero_division=0)
    return float(p), float(r), float(f)


def check(submission, y_true, y_pred, average, what, call_average=True):
    out = (submission.precision_recall_f1(y_true, y_pred, average=average) if call_average
           else submission.precision_recall_f1(y_true, y_pred))
    assert isinstance(out, (tuple, list)) and len(out) == 3, (
        f"precision_recall_f1 should return a tuple (precision, recall, f1); for {what} it returned {type(out).__name__}")
    expected = reference(y_true, y_pred, average)
    for name, got, want in zip(NAMES, out, expected):
        assert isinstance(got, numbers.Real) and not isinstance(got, bool), (
            f"{name} for {what} is a {type(got).__name__}, expected a float")
        got = float(got)
        assert np.isfinite(got), f"{name} for {what} is {got} (zero division must give 0)"
        assert abs(got - want) <= 1e-9, f"{name} for {what} is {got:.6f}, which is not the {average} average"


def multiclass(rng, n, labels, accuracy=0.6):
    """Predictions that are right about `accuracy` of the time, wrong ones spread over all labels."""
    y_true = rng.choice(labels, size=n)
    y_pred = np.where(rng.random(n) < accuracy, y_true, rng.choice(labels, size=n))
    return y_true, y_pred


@pytest.mark.points(2)
def test_binary(submission):
    """average="binary" gives the scores of the positive class 1"""
    rng = np.random.default_rng(0)
    for n, p_true, p_pred in ((50, 0.3, 0.4), (200, 0.7, 0.5), (9, 0.5, 0.5)):
        y_true = (rng.random(n) < p_true).astype(int)
        y_pred = np.where(rng.random(n) < 0.7, y_true, (rng.random(n) < p_pred).astype(int))
        check(submission, y_true, y_pred, "binary", f"{n} binary labels")


@pytest.mark.points(2)
def test_macro(submission):
    """average="macro": the unweighted mean of the per-class scores, F1 included"""
    rng = np.random.default_rng(1)
    for n, labels in ((60, [0, 1, 2]), (300, [0, 1, 2, 3, 4, 5, 6]), (40, [2, 5, 9])):
        y_true, y_pred = multiclass(rng, n, labels)
        check(submission, y_true, y_pred, "macro", f"{n} labels from {labels}")
    # skewed classes: the mean of per-class F1 and the F1 of the mean precision and recall differ a lot
    y_true = np.array([0] * 30 + [1] * 6 + [2] * 4)
    y_pred = np.array([0] * 20 + [1] * 8 + [2] * 2 + [1] * 5 + [0] * 1 + [2] * 1 + [0] * 3)
    check(submission, y_true, y_pred, "macro", "40 labels with skewed classes")


@pytest.mark.points(1)
def test_micro(submission):
    """average="micro": true/false positives pooled over all classes"""
    rng = np.random.default_rng(2)
    for n, labels in ((80, [0, 1, 2, 3]), (33, [1, 4])):
        y_true, y_pred = multiclass(rng, n, labels, accuracy=0.5)
        check(submission, y_true, y_pred, "micro", f"{n} labels from {labels}")


@pytest.mark.points(2)
def test_weighted(submission):
    """average="weighted": per-class scores weighted by each class's number of true samples"""
    rng = np.random.default_rng(3)
    for n, labels, probs in ((100, [0, 1, 2], [0.7, 0.2, 0.1]), (250, [0, 1, 2, 3, 4], [0.05, 0.1, 0.15, 0.3, 0.4])):
        y_true = rng.choice(labels, size=n, p=probs)
        y_pred = np.where(rng.random(n) < 0.55, y_true, rng.choice(labels, size=n))
        check(submission, y_true, y_pred, "weighted", f"{n} labels with imbalanced classes")


@pytest.mark.points(2)
def test_zero_division_gives_zero(submission):
    """a class never predicted (or never true) scores 0, never NaN, in every average"""
    y_true = np.array([0, 0, 1, 1, 2, 2, 2, 0])
    y_pred = np.array([0, 1, 1, 1, 3, 3, 0, 0])      # class 2 never predicted, class 3 never true
    for average in ("macro", "weighted", "micro"):
        check(submission, y_true, y_pred, average, "labels where class 2 is never predicted and 3 never true")
    check(submission, np.array([1, 0, 1, 0]), np.array([0, 0, 0, 0]), "binary", "binary labels with no predicted 1")
    check(submission, np.array([0, 0, 0]), np.array([0, 1, 0]), "binary", "binary labels with no true 1")
    check(submission, np.array([0, 0, 0]), np.array([0, 0, 0]), "binary", "binary labels with no 1 at all")


@pytest.mark.points(1)
def test_defaults_lists_and_errors(submission):
    """the default average is "macro", Python lists work, and an unknown average raises ValueError"""
    y_true, y_pred = [0, 1, 2, 2, 1, 0, 2], [0, 2, 2, 1, 1, 0, 0]
    check(submission, y_true, y_pred, "macro", "Python lists with the default average", call_average=False)
    with raises("ValueError"):
        submission.precision_recall_f1(y_true, y_pred, average="samples-weighted")
