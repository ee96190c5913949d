"""Catches: eps inside the sqrt — dividing by sqrt(v_hat + eps) instead of sqrt(v_hat) + eps."""
import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=True):
    b1, b2 = betas
    t = state.get("step", 0) + 1
    m = state.get("exp_avg", torch.zeros_like(param))
    v = state.get("exp_avg_sq", torch.zeros_like(param))
    if weight_decay and not decoupled:
        grad = grad + weight_decay * param
    m = b1 * m + (1 - b1) * grad
    v = b2 * v + (1 - b2) * grad * grad
    m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
    p = param * (1 - lr * weight_decay) if decoupled else param
    return p - lr * m_hat / torch.sqrt(v_hat + eps), {"step": t, "exp_avg": m, "exp_avg_sq": v}
