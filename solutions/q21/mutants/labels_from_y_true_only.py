"""Catches: classes taken from y_true only (a class that is only ever predicted is left out of the macro average)."""
import numpy as np


def precision_recall_f1(y_true, y_pred, average="macro"):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if average not in ("micro", "macro", "weighted", "binary"):
        raise ValueError(average)
    labels = [1] if average == "binary" else np.unique(y_true)
    tp = np.array([np.sum((y_pred == c) & (y_true == c)) for c in labels], dtype=float)
    pred = np.array([np.sum(y_pred == c) for c in labels], dtype=float)
    true = np.array([np.sum(y_true == c) for c in labels], dtype=float)
    if average == "micro":
        tp, pred, true = tp.sum(keepdims=True), pred.sum(keepdims=True), true.sum(keepdims=True)
    p = np.divide(tp, pred, out=np.zeros_like(tp), where=pred > 0)
    r = np.divide(tp, true, out=np.zeros_like(tp), where=true > 0)
    f = np.divide(2 * p * r, p + r, out=np.zeros_like(tp), where=(p + r) > 0)
    w = true if average == "weighted" else np.ones_like(tp)
    return tuple(float(np.sum(w * m) / np.sum(w)) for m in (p, r, f))
