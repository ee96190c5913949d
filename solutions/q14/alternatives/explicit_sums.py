"""A correct answer in another style: the KL and the cross-entropy written out with logsumexp and sums,
the teacher's probabilities computed under torch.no_grad()."""
import torch


def distillation_loss(student_logits, teacher_logits, target, temperature=2.0, alpha=0.5):
    T = float(temperature)
    zs = student_logits / T
    log_q = zs - torch.logsumexp(zs, dim=1, keepdim=True)          # student log-probs at T
    with torch.no_grad():
        zt = teacher_logits / T
        log_p = zt - torch.logsumexp(zt, dim=1, keepdim=True)      # teacher log-probs at T
        p = log_p.exp()
    kl = (p * (log_p - log_q)).sum(dim=1).mean()                     # KL(p || q), batch mean
    log_probs = student_logits - torch.logsumexp(student_logits, dim=1, keepdim=True)
    ce = -log_probs[torch.arange(len(target), device=target.device), target].mean()
    return alpha * (T ** 2) * kl + (1 - alpha) * ce
