"""Catches: log of softmax instead of log_softmax — NaN/inf for logits of magnitude 1e3."""
import torch


def distillation_loss(student_logits, teacher_logits, target, temperature=2.0, alpha=0.5):
    T = temperature
    p_t = torch.softmax(teacher_logits.detach() / T, -1)
    p_s = torch.softmax(student_logits / T, -1)
    soft = (p_t * (torch.log(p_t) - torch.log(p_s))).sum(-1).mean()
    p = torch.softmax(student_logits, -1)
    hard = -torch.log(p.gather(-1, target[:, None])).mean()
    return alpha * T * T * soft + (1 - alpha) * hard
