"""Catches: zero division not giving 0 (NaN for a class that is never predicted)."""
import numpy as np


def precision_recall_f1(y_true, y_pred, average="macro"):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if average not in ("micro", "macro", "weighted", "binary"):
        raise ValueError(average)
    labels = [1] if average == "binary" else np.union1d(y_true, y_pred)
    tp = np.array([np.sum((y_pred == c) & (y_true == c)) for c in labels], dtype=float)
    pred = np.array([np.sum(y_pred == c) for c in labels], dtype=float)
    true = np.array([np.sum(y_true == c) for c in labels], dtype=float)
    if average == "micro":
        tp, pred, true = tp.sum(keepdims=True), pred.sum(keepdims=True), true.sum(keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        p, r = tp / pred, tp / true
        f = 2 * p * r / (p + r)
    w = true if average == "weighted" else np.ones_like(tp)
    return tuple(float(np.sum(w * m) / np.sum(w)) for m in (p, r, f))
