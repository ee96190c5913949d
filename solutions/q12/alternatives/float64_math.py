"""A correct answer in another style: the update computed in float64 and cast back, torch.where-free, state built with dict(state, ...)."""
import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=True):
    p, g = param.double(), grad.double()
    t = int(state.get("step", 0)) + 1
    m = state["exp_avg"].double() if "exp_avg" in state else torch.zeros_like(p)
    v = state["exp_avg_sq"].double() if "exp_avg_sq" in state else torch.zeros_like(p)
    if not decoupled:
        g = g + weight_decay * p
    m = betas[0] * m + (1 - betas[0]) * g
    v = betas[1] * v + (1 - betas[1]) * g.pow(2)
    update = (m / (1 - betas[0] ** t)) / ((v / (1 - betas[1] ** t)).sqrt() + eps)
    if decoupled:
        p = p - lr * weight_decay * p
    p = p - lr * update
    dt = param.dtype
    return p.to(dt), dict(state, step=t, exp_avg=m.to(dt), exp_avg_sq=v.to(dt))
