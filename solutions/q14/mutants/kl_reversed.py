"""Catches: KL direction reversed — KL(student ‖ teacher) instead of KL(teacher ‖ student)."""
import torch.nn.functional as F


def distillation_loss(student_logits, teacher_logits, target, temperature=2.0, alpha=0.5):
    T = temperature
    soft = F.kl_div(F.log_softmax(teacher_logits.detach() / T, -1), F.log_softmax(student_logits / T, -1),
                    reduction="batchmean", log_target=True)
    return alpha * T * T * soft + (1 - alpha) * F.cross_entropy(student_logits, target)
