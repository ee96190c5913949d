"""A correct answer in another style: PyTorch's own arrangement (lerp, addcmul, step_size = lr / bc1, denom = sqrt(v) / sqrt(bc2) + eps), step kept as a 0-dim tensor."""
import math

import torch


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=True):
    beta1, beta2 = betas
    if state:
        step = state["step"] + 1
        exp_avg, exp_avg_sq = state["exp_avg"].clone(), state["exp_avg_sq"].clone()
    else:
        step = torch.tensor(1.0)
        exp_avg, exp_avg_sq = torch.zeros_like(param), torch.zeros_like(param)
    t = float(step)
    new_param = param.clone()
    if weight_decay:
        if decoupled:
            new_param.mul_(1 - lr * weight_decay)
        else:
            grad = grad.add(param, alpha=weight_decay)
    exp_avg.lerp_(grad, 1 - beta1)
    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    step_size = lr / (1 - beta1 ** t)
    denom = exp_avg_sq.sqrt() / math.sqrt(1 - beta2 ** t) + eps
    new_param.addcdiv_(exp_avg, denom, value=-step_size)
    return new_param, {"step": step, "exp_avg": exp_avg, "exp_avg_sq": exp_avg_sq}
