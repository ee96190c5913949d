"""Hidden suite for q08, numerically stable cross-entropy (reference: torch.nn.functional.cross_entropy)."""
import math

import pytest
import torch
import torch.nn.functional as F

from grader.testing import assert_close, check_tensor

DTYPES = (torch.float32, torch.float64)
GRAD_PROBE = """
def probe(sub, logits, target, kw):
    x = logits.clone().requires_grad_(True)
    loss = sub.cross_entropy(x, target, **kw)
    loss.backward()
    return x.grad
"""


def make(n, c, dtype, device, scale=3.0, ignore=0.0, ignore_index=-100):
    logits = torch.randn(n, c, dtype=dtype, device=device) * scale
    target = torch.randint(0, c, (n,), device=device)
    if ignore:
        drop = torch.rand(n, device=device) < ignore
        drop[0] = False  # keep at least one row
        target = torch.where(drop, torch.full_like(target, ignore_index), target)
    return logits, target


def big_atol(dtype):
    """Absolute tolerance for logits of magnitude 1e4: a few ulps of 1e4 (float32: ~4e-3)."""
    return 4 * torch.finfo(dtype).eps * 1e4


def expected(logits, target, **kw):
    return F.cross_entropy(logits.double(), target, **kw)


def name(dtype, shape, **kw):
    extra = "".join(f", {k}={v}" for k, v in kw.items())
    return f"cross_entropy on {str(dtype)[6:]} logits of shape {tuple(shape)}{extra}"


@pytest.mark.points(2)
def test_matches_reference(submission, device):
    """equals F.cross_entropy on random logits (several shapes, float32 and float64)"""
    for (n, c), dtype in [((4, 3), torch.float32), ((16, 10), torch.float64), ((1, 7), torch.float32),
                          ((33, 2), torch.float64), ((8, 100), torch.float32)]:
        logits, target = make(n, c, dtype, device)
        out = submission.cross_entropy(logits, target)
        what = name(dtype, logits.shape)
        check_tensor(out, what, shape=(), dtype=dtype, device=device)
        assert_close(out, expected(logits, target), what)


@pytest.mark.points(2)
def test_large_logits_are_stable(submission, device):
    """logits of magnitude 1e4 give a finite loss equal to F.cross_entropy (no overflow)"""
    for dtype in DTYPES:
        logits, target = make(6, 5, dtype, device, scale=1e4)
        logits[0] = torch.tensor([1e4, -1e4, 0.0, 5e3, -5e3], dtype=dtype)
        target[0] = 1  # the target has probability ~exp(-2e4): loss 2e4, not inf
        for kw in ({}, {"label_smoothing": 0.1}):
            out = submission.cross_entropy(logits, target, **kw)
            what = name(dtype, logits.shape, **kw) + " and logits of magnitude 1e4"
            check_tensor(out, what, shape=(), dtype=dtype, device=device)
            assert_close(out, expected(logits, target, **kw), what, atol=big_atol(dtype))
        # all-large identical rows: every class equally likely
        same = torch.full((3, 4), 1e4, dtype=dtype, device=device)
        out = submission.cross_entropy(same, torch.tensor([0, 1, 3], device=device))
        assert_close(out, torch.tensor(math.log(4)), name(dtype, same.shape) + " with every logit equal to 1e4",
                     atol=big_atol(dtype))


@pytest.mark.points(2)
def test_ignore_index(submission, device):
    """rows whose target is ignore_index are left out of the mean (default -100 and a custom index)"""
    for dtype in DTYPES:
        logits, target = make(20, 6, dtype, device, ignore=0.4)
        out = submission.cross_entropy(logits, target)
        assert_close(out, expected(logits, target), name(dtype, logits.shape) + " with some targets -100")
        # a custom ignore_index that is also a valid class: every row with target 2 is ignored
        logits, target = make(30, 4, dtype, device)
        target[:3] = torch.tensor([2, 0, 2], device=device)
        out = submission.cross_entropy(logits, target, ignore_index=2)
        assert_close(out, expected(logits, target, ignore_index=2), name(dtype, logits.shape, ignore_index=2))


@pytest.mark.points(1)
def test_all_ignored(submission, device):
    """when every target is ignored the result is NaN (as in PyTorch) or 0, without an error"""
    logits = torch.randn(5, 3, device=device)
    out = submission.cross_entropy(logits, torch.full((5,), -100, device=device))
    check_tensor(out, "cross_entropy with every target -100", shape=(), device=device)
    value = float(out)
    assert math.isnan(value) or value == 0.0, (
        f"cross_entropy with every target ignored should be NaN (0 is also accepted), got {value:.4g}")


@pytest.mark.points(2)
def test_label_smoothing(submission, device):
    """label smoothing spreads epsilon over all C classes, with and without ignored targets"""
    for (n, c), dtype, eps, ignore in [((12, 5), torch.float64, 0.1, 0.0), ((25, 3), torch.float32, 0.3, 0.0),
                                       ((40, 2), torch.float64, 0.2, 0.3), ((10, 8), torch.float32, 1.0, 0.0),
                                       ((30, 7), torch.float64, 0.25, 0.5)]:
        logits, target = make(n, c, dtype, device, ignore=ignore)
        out = submission.cross_entropy(logits, target, label_smoothing=eps)
        what = name(dtype, logits.shape, label_smoothing=eps) + (" and some targets -100" if ignore else "")
        check_tensor(out, what, shape=(), dtype=dtype, device=device)
        assert_close(out, expected(logits, target, label_smoothing=eps), what)


@pytest.mark.points(1)
def test_gradient(submission, device):
    """gradients w.r.t. the logits equal those of F.cross_entropy (with ignored targets and smoothing)"""
    for dtype, kw, scale in [(torch.float64, {}, 3.0), (torch.float64, {"label_smoothing": 0.2}, 3.0),
                             (torch.float32, {"label_smoothing": 0.1}, 1e4)]:
        logits, target = make(10, 4, dtype, device, scale=scale, ignore=0.3)
        grad = submission.probe(GRAD_PROBE, logits, target, kw)
        x = logits.detach().double().requires_grad_(True)
        F.cross_entropy(x, target, **kw).backward()
        what = "the gradient of " + name(dtype, logits.shape, **kw) + " w.r.t. the logits"
        check_tensor(grad, what, shape=logits.shape, device=device)
        assert_close(grad, x.grad, what, atol=1e-3 if scale > 100 else None)


@pytest.mark.points(1)
def test_inputs_not_modified(submission, device):
    """the logits and target tensors are not modified in place"""
    probe = """
def probe(sub, logits, target):
    a, b = logits.clone(), target.clone()
    sub.cross_entropy(logits, target, label_smoothing=0.1)
    return bool((a == logits).all() and (b == target).all())
"""
    logits, target = make(9, 4, torch.float32, device, ignore=0.3)
    assert submission.probe(probe, logits, target), "cross_entropy changed its logits or target in place"
