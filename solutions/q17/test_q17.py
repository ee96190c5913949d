"""Hidden suite for q17, PCA compression; compared with sklearn.decomposition.PCA (computed here)
up to the sign of each component, on scikit-learn's bundled data sets and generated data."""
import functools

import numpy as np
import pytest
from sklearn.datasets import load_diabetes, load_digits, load_iris, load_wine
from sklearn.decomposition import PCA

from grader.testing import assert_close


def synthetic(n=200, d=8, offset=50.0, dtype=np.float64, seed=0):
    """Data with a well-separated spectrum, far from the origin (so centring matters)."""
    rng = np.random.default_rng(seed)
    spectrum = np.array([10, 6, 4, 3, 2, 1, 0.5, 0.2])[:d]
    rotation, _ = np.linalg.qr(rng.normal(size=(d, d)))
    X = rng.normal(size=(n, d)) * spectrum @ rotation.T + offset * rng.normal(size=d)
    return X.astype(dtype)


DATASETS = {
    "iris": lambda: load_iris().data,
    "wine": lambda: load_wine().data,
    "diabetes": lambda: load_diabetes().data,
    "digits": lambda: load_digits().data[:500],   # a subset keeps the suite fast
    "generated data far from the origin": synthetic,
}
CASES = [("iris", 2), ("wine", 3), ("diabetes", 4), ("digits", 10), ("generated data far from the origin", 3)]


def reference(X, k):
    return PCA(n_components=k, svd_solver="full").fit(np.asarray(X, dtype=np.float64))


@functools.lru_cache(maxsize=None)
def reference_for(name, k):
    """PCA fitted once per data set and k (the data sets are fixed)."""
    return reference(DATASETS[name](), k)


def tol(X):
    return (1e-6, 1e-8) if X.dtype == np.float64 else (2e-3, 2e-3)


def check_shapes(out, X, k, what):
    assert isinstance(out, (tuple, list)) and len(out) == 3, (
        f"{what} should return a tuple (Z, components, mean), got {type(out).__name__}")
    Z, C, mu = (np.asarray(v) for v in out)
    n, d = X.shape
    assert Z.shape == (n, k), f"Z from {what} has shape {Z.shape}, expected (n, k) = {(n, k)}"
    assert C.shape == (k, d), (f"components from {what} have shape {C.shape}, expected (k, d) = {(k, d)}: "
                               "one principal axis per row")
    assert mu.shape == (d,), f"mean from {what} has shape {mu.shape}, expected (d,) = {(d,)}"
    return Z.astype(np.float64), C.astype(np.float64), mu.astype(np.float64)


def signs(C, ref_C):
    """Per-component sign that best aligns the learner's axes with scikit-learn's."""
    s = np.sign(np.sum(C * ref_C, axis=1))
    return np.where(s == 0, 1.0, s)


@pytest.mark.points(1)
def test_shapes(submission):
    """Z is (n, k), components is (k, d) with one axis per row, mean is (d,)"""
    for name, k in (("iris", 2), ("wine", 5)):
        X = DATASETS[name]()
        check_shapes(submission.pca_compress(X, k), X, k, f"pca_compress({name}, k={k})")


@pytest.mark.points(1)
def test_mean(submission):
    """mean is the column mean of X"""
    for name, k in CASES[:3] + CASES[4:]:
        X = DATASETS[name]()
        _, _, mu = check_shapes(submission.pca_compress(X, k), X, k, f"pca_compress({name}, k={k})")
        assert_close(mu, X.mean(axis=0), f"the mean returned for {name}")


@pytest.mark.points(2)
def test_components_match_sklearn(submission):
    """components equal PCA.components_ up to the sign of each row, in decreasing-variance order"""
    for name, k in CASES:
        X = DATASETS[name]()
        _, C, _ = check_shapes(submission.pca_compress(X, k), X, k, f"pca_compress({name}, k={k})")
        ref = reference_for(name, k).components_
        assert_close(C * signs(C, ref)[:, None], ref,
                     f"the components for {name} with k={k} (compared up to the sign of each row)",
                     rtol=1e-6, atol=1e-8)


@pytest.mark.points(2)
def test_codes_match_sklearn(submission):
    """Z equals PCA.transform(X) up to the sign of each column (the same signs as the components)"""
    for name, k in CASES:
        X = DATASETS[name]()
        Z, C, _ = check_shapes(submission.pca_compress(X, k), X, k, f"pca_compress({name}, k={k})")
        pca = reference_for(name, k)
        s = signs(C, pca.components_)
        assert_close(Z * s[None, :], pca.transform(X), f"Z for {name} with k={k} (up to the components' signs)",
                     rtol=1e-6, atol=1e-7)


@pytest.mark.points(2)
def test_reconstruction_matches_sklearn(submission):
    """pca_reconstruct(*pca_compress(X, k)) equals PCA.inverse_transform(PCA.transform(X)) (float64 and float32)"""
    cases = CASES + [("float32 generated data", 2)]
    for name, k in cases:
        X = synthetic(dtype=np.float32, seed=3) if name.startswith("float32") else DATASETS[name]()
        Z, C, mu = submission.pca_compress(X, k)
        X_hat = np.asarray(submission.pca_reconstruct(Z, C, mu))
        pca = reference(X, k) if name.startswith("float32") else reference_for(name, k)
        expected = pca.inverse_transform(pca.transform(np.asarray(X, dtype=np.float64)))
        rtol, atol = tol(X)
        assert_close(X_hat.astype(np.float64), expected, f"the reconstruction of {name} from k={k} components",
                     rtol=rtol, atol=atol * max(1.0, float(np.abs(X).max())))


@pytest.mark.points(1)
def test_orthonormal_and_full_rank_exact(submission):
    """components are orthonormal rows; with k = d the reconstruction is exact"""
    for name in ("iris", "wine", "generated data far from the origin"):
        X = DATASETS[name]()
        d = X.shape[1]
        Z, C, mu = submission.pca_compress(X, d)
        C = np.asarray(C, dtype=np.float64)
        assert C.shape == (d, d), f"components for {name} with k=d={d} have shape {C.shape}, expected {(d, d)}"
        assert_close(C @ C.T, np.eye(d), f"components @ components.T for {name} (should be the identity)",
                     rtol=1e-7, atol=1e-8)
        X_hat = np.asarray(submission.pca_reconstruct(Z, C, mu))
        assert_close(X_hat, X, f"the reconstruction of {name} with k = d = {d}", rtol=1e-7,
                     atol=1e-8 * max(1.0, float(np.abs(X).max())))


@pytest.mark.points(1)
def test_reconstruct_formula(submission):
    """pca_reconstruct(Z, components, mean) = Z @ components + mean for given inputs"""
    rng = np.random.default_rng(5)
    for n, k, d in ((7, 2, 5), (30, 3, 3), (1, 1, 4)):
        Z, C, mu = rng.normal(size=(n, k)), rng.normal(size=(k, d)), rng.normal(size=d)
        assert_close(np.asarray(submission.pca_reconstruct(Z, C, mu)), Z @ C + mu,
                     f"pca_reconstruct with Z {Z.shape}, components {C.shape}, mean {mu.shape}")


@pytest.mark.points(1)
def test_input_not_modified(submission):
    """pca_compress does not modify X (e.g. by centring it in place)"""
    probe = """
def probe(sub, X):
    before = X.copy()
    sub.pca_compress(X, 2)
    return before, X
"""
    before, after = submission.probe(probe, synthetic())
    assert np.array_equal(before, after), "pca_compress changed X in place (centre a copy instead)"
