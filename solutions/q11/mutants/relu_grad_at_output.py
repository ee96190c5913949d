"""Catches: ReLU gradient at the wrong place — the ReLU mask is applied to dscores (the output layer) instead of the hidden layer."""
import numpy as np


def mlp_forward(X, params):
    z = X @ params["W1"] + params["b1"]
    h = np.maximum(z, 0)
    scores = h @ params["W2"] + params["b2"]
    return scores, (X, params["W2"], h, scores)


def mlp_backward(dscores, cache):
    X, W2, h, scores = cache
    ds = dscores * (scores > 0)
    dh = ds @ W2.T
    return {"W1": X.T @ dh, "b1": dh.sum(axis=0), "W2": h.T @ ds, "b2": ds.sum(axis=0)}
