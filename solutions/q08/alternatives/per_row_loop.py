"""A correct answer in another style: a Python loop over rows, the log-sum-exp written out by hand."""
import torch


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    c = logits.shape[1]
    total = logits.new_zeros(())
    count = 0
    for row, y in zip(logits, target.tolist()):
        if y == ignore_index:
            continue
        mx = row.max()
        lse = mx + torch.log(torch.sum(torch.exp(row - mx)))
        nll = lse - row[y]
        uniform = lse - row.sum() / c
        total = total + (1 - label_smoothing) * nll + label_smoothing * uniform
        count += 1
    return total / count if count else logits.new_tensor(float("nan"))
