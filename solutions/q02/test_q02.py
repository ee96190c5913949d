"""Hidden suite for q02, multi-head attention module."""
import pytest
import torch
from torch import nn

from grader.testing import assert_close, raises

F32, F64 = torch.float32, torch.float64
NAMES = ("q_proj", "k_proj", "v_proj", "out_proj")

# Builds the learner's module in their kernel, loads the grader's weights, runs forward (and backward).
RUN = """
import torch
def probe(sub, d_model, num_heads, bias, weights, query, key, value, mask, dtype, device, grad_out=None):
    torch.manual_seed(0)
    m = sub.MultiHeadAttention(d_model, num_heads, bias=bias)
    m = m.to(device=device, dtype=getattr(torch, dtype))
    with torch.no_grad():
        for name, (w, b) in weights.items():
            lin = getattr(m, name)
            lin.weight.copy_(w)
            if b is not None:
                lin.bias.copy_(b)
    if grad_out is not None:
        query, key, value = (t.clone().requires_grad_(True) for t in (query, key, value))
    before = [t.detach().clone() for t in (query, key, value)]
    out = m(query, key, value, mask=mask)
    info = {"device": out.device.type, "dtype": str(out.dtype)[6:],
            "unchanged": all(bool((a == b.detach()).all()) for a, b in zip(before, (query, key, value)))}
    if grad_out is None:
        return out, info
    (out * grad_out).sum().backward()
    grads = {"query": query.grad, "key": key.grad, "value": value.grad}
    for name in weights:
        lin = getattr(m, name)
        grads[name + ".weight"] = lin.weight.grad
        if lin.bias is not None:
            grads[name + ".bias"] = lin.bias.grad
    return out, info, grads
"""


def make_weights(d_model, bias, dtype, device):
    """Random projection weights (std 0.3 so that the attention is far from uniform)."""
    return {name: (0.3 * torch.randn(d_model, d_model, dtype=F64).to(device, dtype),
                   0.3 * torch.randn(d_model, dtype=F64).to(device, dtype) if bias else None) for name in NAMES}


def torch_reference(d_model, num_heads, bias, weights):
    ref = nn.MultiheadAttention(d_model, num_heads, bias=bias, batch_first=True, dtype=F64)
    with torch.no_grad():
        ref.in_proj_weight.copy_(torch.cat([weights[n][0].cpu().double() for n in NAMES[:3]]))
        ref.out_proj.weight.copy_(weights["out_proj"][0].cpu().double())
        if bias:
            ref.in_proj_bias.copy_(torch.cat([weights[n][1].cpu().double() for n in NAMES[:3]]))
            ref.out_proj.bias.copy_(weights["out_proj"][1].cpu().double())
    return ref


def torch_masks(mask, batch, num_heads, lq, lk):
    """Our boolean mask (True = may attend) as nn.MultiheadAttention's arguments (True = may NOT attend)."""
    if mask is None:
        return {}
    mask = mask.cpu()
    if mask.dim() == 4 and mask.shape[1:3] == (1, 1):
        return {"key_padding_mask": ~mask.reshape(batch, lk)}
    if mask.dim() == 2:
        return {"attn_mask": ~mask}
    return {"attn_mask": (~mask).expand(batch, num_heads, lq, lk).reshape(batch * num_heads, lq, lk)}


def randn(shape, dtype, device):
    return torch.randn(shape, dtype=F64).to(device, dtype)


def run_case(submission, device, d_model, num_heads, batch, lq, lk, dtype, mask=None, bias=True,
             cross=False, backward=False):
    """Run the learner's module and nn.MultiheadAttention on the same inputs and weights; compare."""
    weights = make_weights(d_model, bias, dtype, device)
    query = randn((batch, lq, d_model), dtype, device)
    key = randn((batch, lk, d_model), dtype, device) if cross else query
    value = randn((batch, lk, d_model), dtype, device) if cross else query
    grad_out = randn((batch, lq, d_model), dtype, device) if backward else None
    dname = str(dtype)[6:]
    case = (f"MultiHeadAttention({d_model}, {num_heads}{'' if bias else ', bias=False'}) on "
            f"{'query ' + str((batch, lq, d_model)) + ', key/value ' + str((batch, lk, d_model)) if cross else 'x ' + str((batch, lq, d_model))}"
            f"{' with a ' + str(tuple(mask.shape)) + ' mask' if mask is not None else ''} ({dname})")
    result = submission.probe(RUN, d_model, num_heads, bias, weights, query, key, value, mask, dname, device,
                              grad_out=grad_out)
    out, info = result[0], result[1]
    assert isinstance(out, torch.Tensor), f"forward should return a tensor, got {type(out).__name__}"
    assert tuple(out.shape) == (batch, lq, d_model), (
        f"{case}: output shape {tuple(out.shape)}, expected {(batch, lq, d_model)}")
    assert info["dtype"] == dname, f"{case}: output dtype {info['dtype']}, expected {dname}"
    assert info["device"] == torch.device(device).type, (
        f"{case}: output on {info['device']}, expected the input's device ({torch.device(device).type})")
    assert info["unchanged"], f"{case}: forward modified its inputs in place"

    ref = torch_reference(d_model, num_heads, bias, weights)
    # three separate leaves, like the probe's (self-attention passes the same values three times)
    leaves = [t.detach().cpu().double().clone().requires_grad_(backward) for t in (query, key, value)]
    expected, _ = ref(*leaves, need_weights=False, **torch_masks(mask, batch, num_heads, lq, lk))
    assert_close(out, expected, f"{case}: output")
    if backward:
        (expected * grad_out.cpu().double()).sum().backward()
        grads = result[2]
        want = {"query": leaves[0].grad, "key": leaves[1].grad, "value": leaves[2].grad}
        d = d_model
        for i, n in enumerate(NAMES[:3]):
            want[n + ".weight"] = ref.in_proj_weight.grad[i * d:(i + 1) * d]
            if bias:
                want[n + ".bias"] = ref.in_proj_bias.grad[i * d:(i + 1) * d]
        want["out_proj.weight"] = ref.out_proj.weight.grad
        if bias:
            want["out_proj.bias"] = ref.out_proj.bias.grad
        for name, w in want.items():
            got = grads.get(name)
            assert got is not None, f"{case}: no gradient reached {name}"
            assert_close(got, w, f"{case}: gradient with respect to {name}")


@pytest.mark.points(1)
def test_indivisible_heads_raise(submission, device):
    """d_model not divisible by num_heads raises ValueError"""
    for d_model, heads in ((10, 3), (12, 5)):
        with raises("ValueError"):
            submission.MultiHeadAttention(d_model, heads)


SUBMODULES = """
import torch
def probe(sub, d_model, num_heads, bias):
    m = sub.MultiHeadAttention(d_model, num_heads, bias=bias)
    found = {"is_module": isinstance(m, torch.nn.Module)}
    for name in ("q_proj", "k_proj", "v_proj", "out_proj"):
        lin = getattr(m, name, None)
        found[name] = None if not isinstance(lin, torch.nn.Linear) else (
            lin.in_features, lin.out_features, lin.bias is not None)
    return found
"""


@pytest.mark.points(1)
def test_submodules(submission, device):
    """q_proj, k_proj, v_proj and out_proj are nn.Linear(d_model, d_model) with or without bias as asked"""
    for bias in (True, False):
        found = submission.probe(SUBMODULES, 12, 3, bias)
        assert found["is_module"], "MultiHeadAttention should be an nn.Module"
        for name in NAMES:
            assert found[name] is not None, f"MultiHeadAttention(12, 3) has no nn.Linear submodule `{name}`"
            assert found[name][:2] == (12, 12), (
                f"`{name}` is nn.Linear{found[name][:2]}, expected nn.Linear(12, 12)")
            assert found[name][2] == bias, (
                f"with bias={bias}, `{name}` {'has no' if bias else 'has a'} bias")


@pytest.mark.points(3)
def test_self_attention_matches_torch(submission, device):
    """self-attention equals nn.MultiheadAttention(batch_first=True) with the same weights (several sizes, float32/float64)"""
    run_case(submission, device, 16, 4, 2, 5, 5, F32)
    run_case(submission, device, 24, 3, 3, 7, 7, F64)
    run_case(submission, device, 12, 6, 1, 4, 4, F64)
    run_case(submission, device, 8, 1, 2, 3, 3, F32)


@pytest.mark.points(1)
def test_cross_attention(submission, device):
    """cross-attention: query, key and value differ and Lq != Lk"""
    run_case(submission, device, 16, 4, 2, 3, 6, F64, cross=True)
    run_case(submission, device, 12, 2, 3, 5, 2, F32, cross=True)


@pytest.mark.points(1)
def test_without_bias(submission, device):
    """bias=False equals nn.MultiheadAttention(bias=False)"""
    run_case(submission, device, 16, 4, 2, 5, 5, F64, bias=False, cross=True)


@pytest.mark.points(2)
def test_causal_mask(submission, device):
    """a boolean (L, L) causal mask (True = may attend) broadcasts over batch and heads"""
    for dtype in (F32, F64):
        mask = torch.ones(6, 6, dtype=torch.bool, device=device).tril()
        run_case(submission, device, 16, 4, 2, 6, 6, dtype, mask=mask)


@pytest.mark.points(1)
def test_padding_and_full_masks(submission, device):
    """a (batch, 1, 1, Lk) padding mask and a full (batch, 1, Lq, Lk) mask"""
    pad = (torch.arange(7)[None, :] < torch.tensor([3, 7])[:, None]).view(2, 1, 1, 7).to(device)
    run_case(submission, device, 16, 4, 2, 4, 7, F64, mask=pad, cross=True)
    full = torch.rand(2, 1, 5, 5) < 0.5
    full[..., 0] = True  # every query keeps at least one key
    run_case(submission, device, 12, 3, 2, 5, 5, F64, mask=full.to(device))


@pytest.mark.points(2)
def test_gradients(submission, device):
    """gradients with respect to query, key, value and every projection's weight and bias equal nn.MultiheadAttention's"""
    mask = torch.ones(4, 6, dtype=torch.bool, device=device).tril(2)
    run_case(submission, device, 16, 4, 2, 4, 6, F64, mask=mask, cross=True, backward=True)
    run_case(submission, device, 12, 3, 2, 5, 5, F32, backward=True)
