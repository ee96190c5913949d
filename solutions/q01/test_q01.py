"""Hidden suite for q01, scaled dot-product attention."""
import math

import pytest
import torch
import torch.nn.functional as F

from grader.testing import assert_close, check_tensor

F32, F64 = torch.float32, torch.float64


def reference(q, k, v, mask=None):
    """Float64 reference on the grader's side: (output, weights), zero rows where no key is allowed."""
    q, k, v = (t.detach().to("cpu", F64) for t in (q, k, v))
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        mask = mask.to("cpu", torch.bool)
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1).nan_to_num(0.0)
    # The library's own answer for the output (PyTorch >= 2.5 returns zeros for fully masked rows).
    output = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    assert torch.allclose(output, weights @ v, atol=1e-10), "suite self-check: reference disagrees with torch"
    return output, weights


def randn(shape, dtype, device):
    return torch.randn(shape, dtype=torch.float64).to(device=device, dtype=dtype)


def call(submission, q, k, v, mask=None):
    result = submission.scaled_dot_product_attention(q, k, v, mask=mask) if mask is not None else \
        submission.scaled_dot_product_attention(q, k, v)
    assert isinstance(result, tuple) and len(result) == 2, (
        "scaled_dot_product_attention should return a tuple (output, weights)")
    return result


def describe(q, k, v):
    return f"q {tuple(q.shape)}, k {tuple(k.shape)}, v {tuple(v.shape)} ({str(q.dtype)[6:]})"


def check_against_reference(submission, q, k, v, mask=None, what=""):
    out, w = call(submission, q, k, v, mask)
    lead, lq, lk, dv = q.shape[:-2], q.shape[-2], k.shape[-2], v.shape[-1]
    case = what or describe(q, k, v)
    check_tensor(out, f"output for {case}", shape=(*lead, lq, dv), dtype=q.dtype)
    check_tensor(w, f"weights for {case}", shape=(*lead, lq, lk), dtype=q.dtype)
    exp_out, exp_w = reference(q, k, v, mask)
    assert_close(w, exp_w, f"weights for {case}")
    assert_close(out, exp_out, f"output for {case}")
    return out, w


@pytest.mark.points(3)
def test_matches_reference_without_mask(submission, device):
    """without a mask: output and weights equal softmax(q kᵀ / √d) and weights @ v, for several shapes, float32 and float64"""
    cases = [((5, 8), (7, 8), (7, 3), F64),             # no batch dimension
             ((2, 5, 16), (2, 7, 16), (2, 7, 4), F32),  # (batch, L, d)
             ((2, 3, 4, 8), (2, 3, 6, 8), (2, 3, 6, 8), F64),  # (batch, heads, L, d)
             ((3, 1, 32), (3, 9, 32), (3, 9, 5), F32)]  # a single query
    for qs, ks, vs, dtype in cases:
        q, k, v = (randn(s, dtype, device) for s in (qs, ks, vs))
        check_against_reference(submission, q, k, v)


@pytest.mark.points(1)
def test_weight_rows_sum_to_one(submission, device):
    """attention weights are non-negative and each query's row sums to 1 (softmax over the keys)"""
    q, k, v = randn((2, 4, 8), F64, device), randn((2, 9, 8), F64, device), randn((2, 9, 8), F64, device)
    _, w = call(submission, q, k, v)
    check_tensor(w, "weights for q (2, 4, 8), k (2, 9, 8)", shape=(2, 4, 9))
    w = w.detach().cpu().double()
    assert bool((w >= 0).all()), "some attention weights are negative"
    assert torch.allclose(w.sum(-1), torch.ones(2, 4, dtype=F64), atol=1e-6), (
        "rows of the attention weights do not sum to 1: the softmax should run over the keys (the last axis)")


@pytest.mark.points(1)
def test_scores_scaled_by_sqrt_d(submission, device):
    """scores are divided by √d (d = the last dimension of q and k)"""
    q, k, v = randn((2, 6, 64), F64, device), randn((2, 6, 64), F64, device), randn((2, 6, 4), F64, device)
    _, w = call(submission, q, k, v)
    exp_w = reference(q, k, v)[1]
    w = w.detach().cpu().double()
    unscaled = torch.softmax(q.cpu() @ k.cpu().transpose(-2, -1), dim=-1)
    assert not torch.allclose(w, unscaled, atol=1e-6), "the scores q kᵀ are not divided by √d"
    assert torch.allclose(w, exp_w, atol=1e-6), "with d = 64 the weights are wrong: check the scaling factor 1/√d"


@pytest.mark.points(2)
def test_causal_mask(submission, device):
    """a boolean (Lq, Lk) causal mask: masked keys get weight 0, allowed keys' weights still sum to 1"""
    for dtype in (F32, F64):
        q, k, v = randn((2, 6, 8), dtype, device), randn((2, 6, 8), dtype, device), randn((2, 6, 5), dtype, device)
        mask = torch.ones(6, 6, dtype=torch.bool, device=device).tril()  # True = may attend
        _, w = call(submission, q, k, v, mask)
        check_tensor(w, "weights with a (6, 6) causal mask", shape=(2, 6, 6))
        w = w.detach().cpu().double()
        assert bool((w[:, ~mask.cpu()] == 0).all()), (
            "keys where the mask is False should get weight exactly 0 (True means 'may attend')")
        assert torch.allclose(w.sum(-1), torch.ones(2, 6, dtype=F64), atol=1e-5), (
            "with a mask, each row of the weights should still sum to 1 over the allowed keys")
        check_against_reference(submission, q, k, v, mask, f"a causal mask ({str(dtype)[6:]})")


@pytest.mark.points(1)
def test_padding_mask_broadcasts(submission, device):
    """a key-padding mask of shape (batch, 1, 1, Lk) broadcasts over heads and queries"""
    q, k, v = randn((2, 3, 5, 8), F64, device), randn((2, 3, 7, 8), F64, device), randn((2, 3, 7, 4), F64, device)
    lengths = torch.tensor([4, 7])
    mask = (torch.arange(7)[None, :] < lengths[:, None]).view(2, 1, 1, 7).to(device)
    check_against_reference(submission, q, k, v, mask, "q (2, 3, 5, 8) with a (2, 1, 1, 7) padding mask")


def mask_with_empty_rows(device):
    mask = torch.rand(2, 5, 6) < 0.6
    mask[0, 1] = False  # query 1 of batch 0 may attend to nothing
    mask[1, 4] = False
    mask[1, 0] = False
    mask[0, 0, 2] = True  # ... but the other rows keep at least one key
    mask[1, 2:4, 0] = True
    mask[0, 2:, 5] = True
    mask[1, 1, 3] = True
    return mask.to(device)


@pytest.mark.points(2)
def test_fully_masked_rows_give_zeros(submission, device):
    """a query with no allowed key gets all-zero weights and a zero output, never NaN; other rows are unaffected"""
    for dtype in (F32, F64):
        q, k, v = randn((2, 5, 8), dtype, device), randn((2, 6, 8), dtype, device), randn((2, 6, 3), dtype, device)
        mask = mask_with_empty_rows(device)
        out, w = call(submission, q, k, v, mask)
        check_tensor(out, "output", shape=(2, 5, 3))
        check_tensor(w, "weights", shape=(2, 5, 6))
        assert not torch.isnan(out).any() and not torch.isnan(w).any(), (
            "a query whose mask row is all False produced NaN; it should get zero weights and a zero output")
        empty = ~mask.cpu().any(-1)
        assert bool((w.detach().cpu()[empty] == 0).all()), "a fully masked query row should have all-zero weights"
        assert bool((out.detach().cpu()[empty] == 0).all()), "a fully masked query row should have an all-zero output"
        check_against_reference(submission, q, k, v, mask, f"a mask with fully masked rows ({str(dtype)[6:]})")


GRAD_PROBE = """
def probe(sub, q, k, v, mask, g_out, g_w):
    q, k, v = (t.clone().requires_grad_(True) for t in (q, k, v))
    out, w = sub.scaled_dot_product_attention(q, k, v, mask=mask)
    ((out * g_out).sum() + (w * g_w).sum()).backward()
    return [None if t.grad is None else t.grad for t in (q, k, v)]
"""


@pytest.mark.points(2)
def test_gradients(submission, device):
    """gradients with respect to q, k and v equal the reference's (with a mask that fully masks some rows)"""
    for dtype in (F64, F32):
        q, k, v = randn((2, 5, 8), dtype, device), randn((2, 6, 8), dtype, device), randn((2, 6, 3), dtype, device)
        mask = mask_with_empty_rows(device)
        g_out, g_w = randn((2, 5, 3), dtype, device), randn((2, 5, 6), dtype, device)
        grads = submission.probe(GRAD_PROBE, q, k, v, mask, g_out, g_w)
        leaves = [t.detach().cpu().double().requires_grad_(True) for t in (q, k, v)]
        out, w = reference_with_grad(*leaves, mask.cpu())
        ((out * g_out.cpu().double()).sum() + (w * g_w.cpu().double()).sum()).backward()
        for name, got, leaf in zip("qkv", grads, leaves):
            assert got is not None, f"no gradient reached {name}: is the computation detached from the inputs?"
            assert_close(got, leaf.grad, f"gradient with respect to {name} ({str(dtype)[6:]})")


def reference_with_grad(q, k, v, mask):
    scores = (q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])).masked_fill(~mask, float("-inf"))
    empty = ~mask.any(-1, keepdim=True)
    weights = torch.softmax(scores.masked_fill(empty, 0.0), dim=-1).masked_fill(empty, 0.0)
    return weights @ v, weights


IO_PROBE = """
def probe(sub, q, k, v, mask):
    before = [t.clone() for t in (q, k, v, mask)]
    out, w = sub.scaled_dot_product_attention(q, k, v, mask=mask)
    unchanged = all(bool((a == b).all()) for a, b in zip(before, (q, k, v, mask)))
    return out.device.type, w.device.type, str(out.dtype), str(w.dtype), unchanged
"""


@pytest.mark.points(1)
def test_device_dtype_and_inputs_unchanged(submission, device):
    """outputs stay on the input's device and dtype, and q, k, v and the mask are not modified"""
    for dtype in (F32, F64):
        q, k, v = randn((2, 4, 8), dtype, device), randn((2, 4, 8), dtype, device), randn((2, 4, 8), dtype, device)
        mask = torch.ones(4, 4, dtype=torch.bool, device=device).tril()
        out_dev, w_dev, out_dt, w_dt, unchanged = submission.probe(IO_PROBE, q, k, v, mask)
        want_dev = torch.device(device).type
        assert out_dev == want_dev and w_dev == want_dev, (
            f"output is on {out_dev} and weights on {w_dev}, expected both on the input's device ({want_dev})")
        assert out_dt == str(dtype) and w_dt == str(dtype), (
            f"for {str(dtype)[6:]} inputs the output is {out_dt[6:]} and the weights {w_dt[6:]}")
        assert unchanged, "scaled_dot_product_attention modified one of its inputs in place"
