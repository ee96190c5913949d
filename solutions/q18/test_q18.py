"""Hidden suite for q18, orthogonal matching pursuit."""
import numpy as np
import pytest
from sklearn.linear_model import OrthogonalMatchingPursuit

from grader.testing import assert_close, assert_equal


def dictionary(rng, m, n):
    """Gaussian sensing matrix with unit-norm columns (the suite's convention, stated in the prompt)."""
    A = rng.standard_normal((m, n))
    return A / np.linalg.norm(A, axis=0)


def sparse_vector(rng, n, k):
    x = np.zeros(n)
    support = rng.choice(n, size=k, replace=False)
    x[support] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(1.0, 3.0, size=k)
    return x


def reference(A, y, k):
    return OrthogonalMatchingPursuit(n_nonzero_coefs=k, fit_intercept=False).fit(A, y).coef_


def as_vector(out, what, n):
    arr = np.asarray(out, dtype=np.float64) if not hasattr(out, "detach") else out.detach().cpu().numpy()
    assert arr.shape == (n,), f"{what} returned an array of shape {arr.shape}, expected ({n},)"
    assert np.isfinite(arr).all(), f"{what} contains NaN or inf"
    return arr


@pytest.mark.points(3)
def test_exact_recovery(submission):
    """recovers a k-sparse x exactly from y = A x with enough Gaussian measurements"""
    rng = np.random.default_rng(18)
    for m, n, k in ((40, 100, 4), (64, 256, 8), (25, 40, 3)):
        A = dictionary(rng, m, n)
        x = sparse_vector(rng, n, k)
        out = as_vector(submission.omp(A, A @ x, k), f"omp(A of shape ({m}, {n}), y, n_nonzero={k})", n)
        assert_equal(out != 0, x != 0, f"the support found by omp for a {k}-sparse x (A of shape ({m}, {n}))")
        assert_close(out, x, f"the recovered x for a {k}-sparse x (A of shape ({m}, {n}))", rtol=1e-6, atol=1e-8)


@pytest.mark.points(3)
def test_matches_sklearn(submission):
    """matches sklearn's OrthogonalMatchingPursuit on noisy y that is not sparse"""
    rng = np.random.default_rng(1993)
    for m, n, k in ((30, 60, 1), (30, 60, 5), (50, 120, 12), (20, 20, 7)):
        A = dictionary(rng, m, n)
        y = A @ sparse_vector(rng, n, max(1, k // 2)) + 0.3 * rng.standard_normal(m)
        out = as_vector(submission.omp(A, y, k), f"omp(A of shape ({m}, {n}), y, n_nonzero={k})", n)
        expected = reference(A, y, k)
        assert_equal(out != 0, expected != 0,
                     f"the atoms chosen by omp(A of shape ({m}, {n}), noisy y, n_nonzero={k})")
        assert_close(out, expected, f"omp(A of shape ({m}, {n}), noisy y, n_nonzero={k})", rtol=1e-6, atol=1e-8)


@pytest.mark.points(1)
def test_distinct_atoms(submission):
    """on generic data, x has exactly n_nonzero non-zero entries (no atom is picked twice)"""
    rng = np.random.default_rng(7)
    for m, n, k in ((40, 80, 10), (15, 50, 15)):
        A = dictionary(rng, m, n)
        y = rng.standard_normal(m)
        out = as_vector(submission.omp(A, y, k), f"omp(A of shape ({m}, {n}), random y, n_nonzero={k})", n)
        found = int(np.count_nonzero(out))
        assert found == k, (f"omp(A of shape ({m}, {n}), random y, n_nonzero={k}) has {found} non-zero entries, "
                            f"expected {k}: was an atom picked twice, or a step skipped?")


@pytest.mark.points(1)
def test_residual_orthogonal(submission):
    """the final residual y - A x is orthogonal to every chosen column (least squares on the support)"""
    rng = np.random.default_rng(11)
    m, n, k = 40, 90, 9
    A = dictionary(rng, m, n)
    y = rng.standard_normal(m)
    out = as_vector(submission.omp(A, y, k), f"omp(A of shape ({m}, {n}), random y, n_nonzero={k})", n)
    chosen = np.flatnonzero(out)
    assert chosen.size > 0, "omp returned all zeros for a random y"
    corr = A[:, chosen].T @ (y - A @ out)
    worst = float(np.abs(corr).max())
    assert worst < 1e-8, (f"the residual y - A x still correlates with a chosen column (|a_j^T r| up to {worst:.3g}): "
                          "the coefficients are not the least-squares fit on the chosen atoms")


@pytest.mark.points(1)
def test_inputs_untouched(submission):
    """A and y are not modified, and a float32 A works too"""
    probe = """
import numpy as np
def probe(sub, A, y, k):
    A0, y0 = A.copy(), y.copy()
    sub.omp(A, y, k)
    out32 = np.asarray(sub.omp(A.astype(np.float32), y.astype(np.float32), k), dtype=np.float64)
    return bool(np.array_equal(A, A0)), bool(np.array_equal(y, y0)), out32
"""
    rng = np.random.default_rng(3)
    A = dictionary(rng, 30, 70)
    x = sparse_vector(rng, 70, 3)
    same_A, same_y, out32 = submission.probe(probe, A, A @ x, 3)
    assert same_A, "omp modified A in place"
    assert same_y, "omp modified y in place"
    assert np.asarray(out32).shape == (70,), f"omp on float32 inputs returned shape {np.asarray(out32).shape}, expected (70,)"
    assert_close(np.asarray(out32, dtype=np.float64), x, "the recovered x for float32 inputs", rtol=1e-3, atol=1e-4)
