"""Hidden suite for q23, k-fold cross-validation indices."""
import numpy as np
import pytest
from sklearn.model_selection import KFold

from grader.testing import raises


def folds_of(submission, n, what, **kwargs):
    out = submission.k_fold_indices(n, **kwargs)
    k = kwargs.get("k", 5)
    assert isinstance(out, (list, tuple)), f"{what} returned a {type(out).__name__}, expected a list of (train_idx, val_idx)"
    assert len(out) == k, f"{what} returned {len(out)} folds, expected k = {k}"
    folds = []
    for i, pair in enumerate(out):
        assert isinstance(pair, (list, tuple)) and len(pair) == 2, f"fold {i} of {what} is not a (train_idx, val_idx) pair"
        train, val = (np.asarray(a) for a in pair)
        for name, arr in (("train_idx", train), ("val_idx", val)):
            assert arr.ndim == 1 and (arr.size == 0 or arr.dtype.kind in "iu"), (
                f"{name} of fold {i} of {what} should be a 1-D array of integer indices")
        folds.append((train, val))
    return folds


def check_partition(folds, n, what):
    """Every sample is validated exactly once; in each fold train and val are disjoint and cover everything."""
    counts = np.zeros(n, dtype=int)
    for i, (train, val) in enumerate(folds):
        assert np.all((val >= 0) & (val < n)) and np.all((train >= 0) & (train < n)), (
            f"fold {i} of {what} has indices outside range(n_samples)")
        assert len(np.unique(val)) == len(val), f"val_idx of fold {i} of {what} repeats a sample"
        assert len(np.intersect1d(train, val)) == 0, f"in fold {i} of {what}, some samples are in both train and val"
        assert len(train) + len(val) == n and len(np.union1d(train, val)) == n, (
            f"in fold {i} of {what}, train_idx and val_idx together do not cover all {n} samples exactly once")
        counts[val] += 1
    missing, repeated = int((counts == 0).sum()), int((counts > 1).sum())
    assert missing == 0, f"{what}: {missing} sample(s) are never in a validation fold"
    assert repeated == 0, f"{what}: {repeated} sample(s) are in more than one validation fold (overlapping folds)"


def expected_sizes(n, k):
    return sorted([n // k + 1] * (n % k) + [n // k] * (k - n % k))


@pytest.mark.points(3)
def test_matches_kfold(submission):
    """shuffle=False equals sklearn's KFold(n_splits=k): same folds, same order, same indices"""
    for n, k in ((10, 5), (11, 3), (7, 7), (100, 10), (23, 4), (5, 2), (12, None)):
        kwargs = {} if k is None else {"k": k}
        what = f"k_fold_indices({n}" + ("" if k is None else f", k={k}") + ")"
        folds = folds_of(submission, n, what, **kwargs)
        for i, ((train, val), (e_train, e_val)) in enumerate(zip(folds, KFold(n_splits=k or 5).split(np.zeros(n)))):
            assert np.array_equal(val, e_val), (
                f"val_idx of fold {i} of {what} differs from KFold's (folds are consecutive blocks, the first "
                "n_samples % k of them one sample larger)")
            assert np.array_equal(train, e_train), (
                f"train_idx of fold {i} of {what} differs from KFold's (all other indices, in increasing order)")


@pytest.mark.points(2)
def test_partition_when_k_does_not_divide_n(submission):
    """when k does not divide n every sample is still validated exactly once, fold sizes differ by at most 1"""
    for n, k in ((13, 4), (101, 7), (9, 2)):
        for shuffle in (False, True):
            what = f"k_fold_indices({n}, k={k}, shuffle={shuffle}, seed=0)"
            folds = folds_of(submission, n, what, k=k, shuffle=shuffle, seed=0)
            check_partition(folds, n, what)
            sizes = sorted(len(val) for _, val in folds)
            assert sizes == expected_sizes(n, k), f"{what} has validation folds of sizes {sizes}"


@pytest.mark.points(2)
def test_shuffle_uses_seed(submission):
    """shuffle=True permutes the samples; the same seed gives the same folds, another seed other folds"""
    n, k = 60, 4
    a = folds_of(submission, n, "k_fold_indices(60, k=4, shuffle=True, seed=7)", k=k, shuffle=True, seed=7)
    b = folds_of(submission, n, "k_fold_indices(60, k=4, shuffle=True, seed=7)", k=k, shuffle=True, seed=7)
    c = folds_of(submission, n, "k_fold_indices(60, k=4, shuffle=True, seed=8)", k=k, shuffle=True, seed=8)
    check_partition(a, n, "k_fold_indices(60, k=4, shuffle=True, seed=7)")
    as_sets = lambda folds: [frozenset(val.tolist()) for _, val in folds]
    blocks = [frozenset(range(i * 15, (i + 1) * 15)) for i in range(4)]
    assert as_sets(a) != blocks, "with shuffle=True the validation folds are still consecutive blocks"
    assert as_sets(a) == as_sets(b), "two calls with shuffle=True and the same seed gave different folds"
    assert as_sets(a) != as_sets(c), "shuffle=True with seeds 7 and 8 gave the same folds: is the seed used?"


@pytest.mark.points(1)
def test_invalid_k(submission):
    """k < 2 or k > n_samples raises ValueError"""
    for n, k in ((10, 1), (10, 0), (4, 5)):
        with raises("ValueError"):
            submission.k_fold_indices(n, k=k)


@pytest.mark.points(1)
def test_leave_one_out_and_shapes(submission):
    """k = n_samples is leave-one-out; every fold's train has n - |val| samples"""
    n = 6
    folds = folds_of(submission, n, "k_fold_indices(6, k=6)", k=6)
    check_partition(folds, n, "k_fold_indices(6, k=6)")
    for i, (train, val) in enumerate(folds):
        assert val.tolist() == [i], f"fold {i} of k_fold_indices(6, k=6) should validate on sample {i} alone"
