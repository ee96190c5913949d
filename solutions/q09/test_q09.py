"""Hidden suite for q09, layer normalisation (reference: torch.nn.functional.layer_norm)."""
import pytest
import torch
import torch.nn.functional as F

from grader.testing import assert_close, check_tensor

GRAD_PROBE = """
def probe(sub, x, normalized_shape, weight, bias, eps, grad_out):
    x = x.clone().requires_grad_(True)
    w = None if weight is None else weight.clone().requires_grad_(True)
    b = None if bias is None else bias.clone().requires_grad_(True)
    y = sub.layer_norm(x, normalized_shape, w, b, eps)
    y.backward(grad_out)
    return x.grad, None if w is None else w.grad, None if b is None else b.grad
"""


def as_tuple(ns):
    return (ns,) if isinstance(ns, int) else tuple(ns)


def reference(x, ns, weight=None, bias=None, eps=1e-5):
    d = (lambda t: None if t is None else t.double())
    return F.layer_norm(x.double(), as_tuple(ns), d(weight), d(bias), eps)


def describe(x, ns, **kw):
    extra = "".join(f", {k}" for k, v in kw.items() if v is not None)
    return f"layer_norm of a {str(x.dtype)[6:]} tensor of shape {tuple(x.shape)} with normalized_shape={ns!r}{extra}"


CASES = [((4, 8), 8, torch.float32), ((2, 3, 5), (5,), torch.float64), ((2, 3, 4, 5), (4, 5), torch.float32),
         ((6, 3), 3, torch.float64), ((3, 2, 7), (2, 7), torch.float64), ((5, 1, 16), [16], torch.float32)]


@pytest.mark.points(2)
def test_forward_matches_reference(submission, device):
    """equals F.layer_norm without weight and bias (several shapes, int/tuple normalized_shape, float32/float64)"""
    for shape, ns, dtype in CASES:
        x = torch.randn(shape, dtype=dtype, device=device) * 2 + 0.5
        out = submission.layer_norm(x, ns)
        what = describe(x, ns)
        check_tensor(out, what, shape=shape, dtype=dtype, device=device)
        assert_close(out, reference(x, ns), what)


@pytest.mark.points(2)
def test_weight_and_bias(submission, device):
    """applies the elementwise weight and bias (both, weight only, bias only)"""
    for i, (shape, ns, dtype) in enumerate(CASES[:4]):
        x = torch.randn(shape, dtype=dtype, device=device)
        w = torch.randn(as_tuple(ns), dtype=dtype, device=device)
        b = torch.randn(as_tuple(ns), dtype=dtype, device=device)
        for weight, bias in ((w, b), (w, None), (None, b)):
            out = submission.layer_norm(x, ns, weight, bias)
            what = describe(x, ns, weight=weight, bias=bias)
            check_tensor(out, what, shape=shape, dtype=dtype, device=device)
            assert_close(out, reference(x, ns, weight, bias), what)


@pytest.mark.points(2)
def test_eps_and_constant_rows(submission, device):
    """eps is added to the variance inside the square root; constant rows give zeros (finite)"""
    for dtype in (torch.float32, torch.float64):
        x = torch.randn(5, 6, dtype=dtype, device=device) * 3e-3  # variance ~1e-5, comparable to eps
        for eps in (1e-5, 1e-3, 0.5):
            out = submission.layer_norm(x, 6, None, None, eps)
            assert_close(out, reference(x, 6, eps=eps), describe(x, 6) + f" (small variance), eps={eps}")
        out = submission.layer_norm(x, (6,))
        assert_close(out, reference(x, 6), describe(x, 6) + " (small variance), default eps")
        const = torch.full((3, 4), 7.0, dtype=dtype, device=device)
        b = torch.arange(4, dtype=dtype, device=device)
        out = submission.layer_norm(const, 4, None, b)
        assert_close(out, reference(const, 4, None, b), describe(const, 4) + " whose rows are constant, and a bias")


@pytest.mark.points(2)
def test_gradients(submission, device):
    """gradients w.r.t. x, weight and bias equal those of F.layer_norm"""
    for shape, ns, affine in (((4, 6), 6, True), ((2, 3, 4, 5), (4, 5), True), ((3, 5), (5,), False)):
        x = torch.randn(shape, dtype=torch.float64, device=device)
        w = torch.randn(as_tuple(ns), dtype=torch.float64, device=device) if affine else None
        b = torch.randn(as_tuple(ns), dtype=torch.float64, device=device) if affine else None
        g = torch.randn(shape, dtype=torch.float64, device=device)
        got = submission.probe(GRAD_PROBE, x, ns, w, b, 1e-5, g)
        xr = x.clone().requires_grad_(True)
        wr = w.clone().requires_grad_(True) if affine else None
        br = b.clone().requires_grad_(True) if affine else None
        F.layer_norm(xr, as_tuple(ns), wr, br, 1e-5).backward(g)
        what = describe(x, ns, weight=w, bias=b)
        for label, mine, ref in (("x", got[0], xr.grad), ("weight", got[1], wr.grad if affine else None),
                                 ("bias", got[2], br.grad if affine else None)):
            if ref is None:
                continue
            assert mine is not None, f"no gradient reached {label} in {what}"
            check_tensor(mine, f"the gradient w.r.t. {label}", shape=ref.shape, device=device)
            assert_close(mine, ref, f"the gradient w.r.t. {label} of {what}")


@pytest.mark.points(1)
def test_batch_rows_independent_and_inputs_kept(submission, device):
    """each position is normalised on its own (changing one batch row leaves the others alone); inputs are not modified"""
    probe = """
def probe(sub, x, w, b):
    x0, w0, b0 = x.clone(), w.clone(), b.clone()
    y1 = sub.layer_norm(x, (4,), w, b)
    unchanged = bool((x == x0).all() and (w == w0).all() and (b == b0).all())
    x2 = x0.clone()
    x2[0] = x2[0] * 100 + 3
    y2 = sub.layer_norm(x2, (4,), w, b)
    return unchanged, y1, y2
"""
    x = torch.randn(5, 4, device=device)
    w, b = torch.randn(4, device=device), torch.randn(4, device=device)
    unchanged, y1, y2 = submission.probe(probe, x, w, b)
    assert unchanged, "layer_norm changed x, weight or bias in place"
    assert_close(y2[1:], y1[1:], "rows 1.. of layer_norm after scaling row 0 of a (5, 4) input (they should not change)")
