"""Catches: transposed weight gradient — dW computed as upstream.T @ input, shape (out, in) instead of (in, out)."""
import numpy as np


def mlp_forward(X, params):
    z = X @ params["W1"] + params["b1"]
    h = np.maximum(z, 0)
    return h @ params["W2"] + params["b2"], (X, params["W2"], z, h)


def mlp_backward(dscores, cache):
    X, W2, z, h = cache
    dz = (dscores @ W2.T) * (z > 0)
    return {"W1": dz.T @ X, "b1": dz.sum(axis=0), "W2": dscores.T @ h, "b2": dscores.sum(axis=0)}
