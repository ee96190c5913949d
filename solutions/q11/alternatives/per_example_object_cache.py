"""A correct answer in another style: a small class as the cache (it stays in the kernel) and per-example outer products."""
import numpy as np


class Cache:
    def __init__(self, X, params, z):
        self.X, self.params, self.z = X.copy(), {k: v.copy() for k, v in params.items()}, z


def mlp_forward(X, params):
    z = X.dot(params["W1"]) + params["b1"][None, :]
    scores = np.clip(z, 0, None).dot(params["W2"]) + params["b2"][None, :]
    return scores, Cache(X, params, z)


def mlp_backward(dscores, cache):
    p = cache.params
    grads = {k: np.zeros_like(v) for k, v in p.items()}
    for x, z, ds in zip(cache.X, cache.z, dscores):   # one example at a time
        h = np.clip(z, 0, None)
        grads["W2"] += np.outer(h, ds)
        grads["b2"] += ds
        dz = p["W2"].dot(ds) * (z > 0)
        grads["W1"] += np.outer(x, dz)
        grads["b1"] += dz
    return grads
