"""Hidden suite for q11, a two-layer ReLU MLP in NumPy (reference: central finite differences)."""
import numpy as np
import pytest

from grader.testing import assert_close

KEYS = ("W1", "b1", "W2", "b2")


def forward(X, p):
    return np.maximum(X @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]


def make(n, d, h, c, dtype=np.float64, seed=0):
    """Random inputs whose pre-activations stay at least 1e-3 away from the ReLU kink."""
    rng = np.random.default_rng(seed)
    while True:
        X = rng.normal(size=(n, d))
        p = {"W1": rng.normal(size=(d, h)) * 0.5, "b1": rng.normal(size=h) * 0.5,
             "W2": rng.normal(size=(h, c)) * 0.5, "b2": rng.normal(size=c) * 0.5}
        z = X @ p["W1"] + p["b1"]
        if np.abs(z).min() > 1e-3 and (z > 0).any() and (z < 0).any():
            break
    G = rng.normal(size=(n, c))
    return X.astype(dtype), {k: v.astype(dtype) for k, v in p.items()}, G.astype(dtype)


def numeric_grads(X, p, G, step=1e-5):
    """dL/dparam for L = sum(G * scores), by central differences in float64 (exact up to rounding:
    L is piecewise linear in each parameter and no step crosses a ReLU kink)."""
    X, G = X.astype(np.float64), G.astype(np.float64)
    p = {k: v.astype(np.float64).copy() for k, v in p.items()}
    grads = {}
    for k in KEYS:
        g = np.zeros_like(p[k])
        for i in np.ndindex(p[k].shape):
            old = p[k][i]
            p[k][i] = old + step
            up = (G * forward(X, p)).sum()
            p[k][i] = old - step
            down = (G * forward(X, p)).sum()
            p[k][i] = old
            g[i] = (up - down) / (2 * step)
        grads[k] = g
    return grads


def tol(arr):
    return {"rtol": 1e-5, "atol": 1e-7} if np.asarray(arr).dtype == np.float64 else {}


def run(submission, X, p, G):
    scores, cache = submission.mlp_forward(X, p)
    grads = submission.mlp_backward(G, cache)
    assert isinstance(grads, dict), f"mlp_backward should return a dict, got {type(grads).__name__}"
    missing = [k for k in KEYS if k not in grads]
    assert not missing, f"the dict returned by mlp_backward has no key(s) {missing}"
    return scores, grads


def describe(X, p):
    (n, d), (h, c) = X.shape, p["W2"].shape
    return f"N={n}, D={d}, H={h}, C={c}, {X.dtype}"


SHAPES = [(8, 5, 7, 3, np.float64), (1, 4, 6, 2, np.float64), (16, 10, 12, 4, np.float32), (20, 3, 9, 5, np.float64)]


@pytest.mark.points(2)
def test_forward(submission):
    """scores = relu(X @ W1 + b1) @ W2 + b2 (several shapes, float64 and float32)"""
    for i, (n, d, h, c, dtype) in enumerate(SHAPES):
        X, p, _ = make(n, d, h, c, dtype, seed=i)
        scores, _ = submission.mlp_forward(X, p)
        scores = np.asarray(scores)
        what = f"scores from mlp_forward ({describe(X, p)})"
        assert scores.shape == (n, c), f"{what} have shape {scores.shape}, expected {(n, c)}"
        assert_close(scores, forward(X.astype(np.float64), {k: v.astype(np.float64) for k, v in p.items()}),
                     what, **tol(scores))


@pytest.mark.points(1)
def test_gradient_shapes(submission):
    """mlp_backward returns W1, b1, W2, b2 gradients with the shapes of the parameters"""
    X, p, G = make(6, 4, 5, 3, seed=10)
    _, grads = run(submission, X, p, G)
    for k in KEYS:
        shape = np.shape(grads[k])
        assert shape == p[k].shape, f"grads[{k!r}] has shape {shape}, expected {p[k].shape} (the shape of {k})"


def check_grads(submission, keys):
    for i, (n, d, h, c, dtype) in enumerate(SHAPES):
        X, p, G = make(n, d, h, c, dtype, seed=20 + i)
        _, grads = run(submission, X, p, G)
        ref = numeric_grads(X, p, G)
        for k in keys:
            got = np.asarray(grads[k])
            what = f"grads[{k!r}] ({describe(X, p)})"
            assert got.shape == p[k].shape, f"{what} has shape {got.shape}, expected {p[k].shape}"
            assert_close(got, ref[k], what + " compared with finite differences", **tol(got))


@pytest.mark.points(2)
def test_second_layer_gradients(submission):
    """gradients of W2 and b2 match finite differences"""
    check_grads(submission, ("W2", "b2"))


@pytest.mark.points(3)
def test_first_layer_gradients(submission):
    """gradients of W1 and b1 (through the ReLU) match finite differences"""
    check_grads(submission, ("W1", "b1"))


@pytest.mark.points(1)
def test_inputs_not_modified(submission):
    """X, params and dscores are not modified in place"""
    probe = """
import numpy as np
def probe(sub, X, params, dscores):
    X0, p0, d0 = X.copy(), {k: v.copy() for k, v in params.items()}, dscores.copy()
    scores, cache = sub.mlp_forward(X, params)
    sub.mlp_backward(dscores, cache)
    return bool(np.array_equal(X, X0) and np.array_equal(dscores, d0)
                and all(np.array_equal(params[k], p0[k]) for k in p0))
"""
    X, p, G = make(5, 4, 6, 3, seed=30)
    assert submission.probe(probe, X, p, G), "mlp_forward or mlp_backward changed X, params or dscores in place"
