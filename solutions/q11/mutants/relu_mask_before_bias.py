"""Catches: ReLU gradient at the wrong place — the mask is taken from X @ W1 before the bias is added."""
import numpy as np


def mlp_forward(X, params):
    a = X @ params["W1"]
    h = np.maximum(a + params["b1"], 0)
    scores = h @ params["W2"] + params["b2"]
    return scores, (X, params["W2"], a, h)


def mlp_backward(dscores, cache):
    X, W2, a, h = cache
    dz = (dscores @ W2.T) * (a > 0)
    return {"W1": X.T @ dz, "b1": dz.sum(axis=0), "W2": h.T @ dscores, "b2": dscores.sum(axis=0)}
