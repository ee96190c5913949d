"""Hidden suite for q19, sparse coding by ISTA."""
import numpy as np
import pytest
from sklearn.linear_model import Lasso

from grader.testing import assert_close


def problem(rng, m, n, k, scale=1.0, noise=0.1):
    """y = A x0 + noise with a k-sparse x0 and a Gaussian A (not normalised: L = ||A||_2^2 varies)."""
    A = scale * rng.standard_normal((m, n))
    x0 = np.zeros(n)
    x0[rng.choice(n, size=k, replace=False)] = 2.0 * rng.standard_normal(k)
    return A, A @ x0 + noise * scale * rng.standard_normal(m)


def lasso(A, y, lam):
    """The minimiser of 0.5||Ax - y||^2 + lam ||x||_1: Lasso's objective divided by n_samples = m."""
    m = A.shape[0]
    if lam == 0:
        return np.linalg.lstsq(A, y, rcond=None)[0]
    return Lasso(alpha=lam / m, fit_intercept=False, tol=1e-12, max_iter=200_000).fit(A, y).coef_


def objective(A, y, lam, x):
    return 0.5 * float(np.sum((A @ x - y) ** 2)) + lam * float(np.abs(x).sum())


def as_vector(out, what, n):
    arr = np.asarray(out, dtype=np.float64)
    assert arr.shape == (n,), f"{what} returned an array of shape {arr.shape}, expected ({n},)"
    assert np.isfinite(arr).all(), f"{what} contains NaN or inf (is the step size at most 1/L?)"
    return arr


CASES = (  # m, n, k, scale of A, lam as a fraction of lam_max = ||A^T y||_inf
    (100, 20, 20, 1.0, 0.02),
    (50, 100, 5, 1.0, 0.1),
    (60, 120, 6, 3.0, 0.05),
    (60, 40, 5, 0.2, 0.2),
    (30, 60, 3, 1.0, 0.3),
)


@pytest.mark.points(4)
def test_matches_lasso(submission):
    """agrees with sklearn's Lasso at the equivalent alpha on several over- and under-determined problems"""
    rng = np.random.default_rng(2009)
    for m, n, k, scale, frac in CASES:
        A, y = problem(rng, m, n, k, scale)
        lam = frac * float(np.abs(A.T @ y).max())
        what = f"ista(A of shape ({m}, {n}), y, lam={lam:.3g})"
        out = as_vector(submission.ista(A, y, lam), what, n)
        assert_close(out, lasso(A, y, lam), what, rtol=1e-5, atol=1e-6)


@pytest.mark.points(1)
def test_objective_minimised(submission):
    """the returned x reaches the minimum of 0.5||Ax - y||^2 + lam||x||_1"""
    rng = np.random.default_rng(1)
    m, n = 40, 90
    A, y = problem(rng, m, n, 4, 2.0)
    lam = 0.08 * float(np.abs(A.T @ y).max())
    out = as_vector(submission.ista(A, y, lam), f"ista(A of shape ({m}, {n}), y, lam={lam:.3g})", n)
    best = objective(A, y, lam, lasso(A, y, lam))
    got = objective(A, y, lam, out)
    assert got <= best * (1 + 1e-7) + 1e-9, (
        f"0.5||Ax - y||^2 + lam||x||_1 at your x is {got:.6g}, above the minimum by a relative "
        f"{(got - best) / best:.2g}")


@pytest.mark.points(1)
def test_large_lambda_gives_zero(submission):
    """lam >= max |A^T y| gives exactly x = 0 (soft-thresholding makes exact zeros)"""
    rng = np.random.default_rng(5)
    A, y = problem(rng, 30, 50, 3, 1.5)
    lam_max = float(np.abs(A.T @ y).max())
    for lam in (lam_max, 3.0 * lam_max):
        out = as_vector(submission.ista(A, y, lam), "ista(A, y, lam >= max|A^T y|)", 50)
        nz = int(np.count_nonzero(out))
        assert nz == 0, f"with lam = {lam / lam_max:g} x max|A^T y| the solution is 0, yours has {nz} non-zero entries"


@pytest.mark.points(1)
def test_lam_zero_is_least_squares(submission):
    """lam = 0 on a tall, well-conditioned A gives the least-squares solution"""
    rng = np.random.default_rng(8)
    A, y = problem(rng, 120, 15, 15, 0.5, noise=1.0)
    out = as_vector(submission.ista(A, y, 0.0), "ista(A of shape (120, 15), y, lam=0)", 15)
    assert_close(out, lasso(A, y, 0.0), "ista(A of shape (120, 15), y, lam=0)", rtol=1e-5, atol=1e-6)


@pytest.mark.points(1)
def test_inputs_untouched_float32(submission):
    """A and y are not modified, and float32 inputs work"""
    probe = """
import numpy as np
def probe(sub, A, y, lam):
    A0, y0 = A.copy(), y.copy()
    sub.ista(A, y, lam, n_iter=300)
    out32 = np.asarray(sub.ista(A.astype(np.float32), y.astype(np.float32), lam), dtype=np.float64)
    return bool(np.array_equal(A, A0)), bool(np.array_equal(y, y0)), out32
"""
    rng = np.random.default_rng(3)
    A, y = problem(rng, 50, 30, 4)
    lam = 0.1 * float(np.abs(A.T @ y).max())
    same_A, same_y, out32 = submission.probe(probe, A, y, lam)
    assert same_A, "ista modified A in place"
    assert same_y, "ista modified y in place"
    out32 = as_vector(out32, "ista on float32 inputs", 30)
    assert_close(out32, lasso(A, y, lam), "ista on float32 inputs", rtol=1e-3, atol=1e-3)
