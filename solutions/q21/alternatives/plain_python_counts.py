"""A correct answer in another style: plain Python, Counters of (true, pred) pairs, no NumPy."""
from collections import Counter


def _safe(num, den):
    return num / den if den else 0.0


def precision_recall_f1(y_true, y_pred, average="macro"):
    if average not in ("micro", "macro", "weighted", "binary"):
        raise ValueError(f"unknown average {average!r}")
    y_true, y_pred = [int(v) for v in y_true], [int(v) for v in y_pred]
    pairs = Counter(zip(y_true, y_pred))
    true_count, pred_count = Counter(y_true), Counter(y_pred)
    classes = [1] if average == "binary" else sorted(set(y_true) | set(y_pred))
    tp = {c: pairs[(c, c)] for c in classes}
    if average == "micro":
        TP = sum(tp.values())
        FP = sum(pred_count[c] for c in classes) - TP
        FN = sum(true_count[c] for c in classes) - TP
        p, r = _safe(TP, TP + FP), _safe(TP, TP + FN)
        return p, r, _safe(2 * TP, 2 * TP + FP + FN)
    per_class = []
    for c in classes:
        p = _safe(tp[c], pred_count[c])
        r = _safe(tp[c], true_count[c])
        per_class.append((p, r, _safe(2 * p * r, p + r)))
    weights = [true_count[c] if average == "weighted" else 1 for c in classes]
    total = sum(weights)
    return tuple(_safe(sum(w * m[i] for w, m in zip(weights, per_class)), total) for i in range(3))
