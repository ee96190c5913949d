"""Catches: weight decay coupled when it should be decoupled — L2 added to the gradient even when decoupled=True."""
import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=True):
    b1, b2 = betas
    t = state.get("step", 0) + 1
    m = state.get("exp_avg", torch.zeros_like(param))
    v = state.get("exp_avg_sq", torch.zeros_like(param))
    grad = grad + weight_decay * param
    m = b1 * m + (1 - b1) * grad
    v = b2 * v + (1 - b2) * grad * grad
    m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
    return param - lr * m_hat / (v_hat.sqrt() + eps), {"step": t, "exp_avg": m, "exp_avg_sq": v}
