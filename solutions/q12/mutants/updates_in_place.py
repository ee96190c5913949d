"""Catches: inputs mutated in place (the catalog's convention) — param and the state's tensors updated with in-place ops, the state dict reused."""
import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=True):
    b1, b2 = betas
    if not state:
        state.update(step=0, exp_avg=torch.zeros_like(param), exp_avg_sq=torch.zeros_like(param))
    state["step"] += 1
    t = state["step"]
    if weight_decay and not decoupled:
        grad = grad + weight_decay * param
    state["exp_avg"].mul_(b1).add_(grad, alpha=1 - b1)
    state["exp_avg_sq"].mul_(b2).addcmul_(grad, grad, value=1 - b2)
    m_hat = state["exp_avg"] / (1 - b1 ** t)
    v_hat = state["exp_avg_sq"] / (1 - b2 ** t)
    if decoupled:
        param.mul_(1 - lr * weight_decay)
    param.sub_(lr * m_hat / (v_hat.sqrt() + eps))
    return param, state
