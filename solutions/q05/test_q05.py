"""Hidden suite for q05, pre-LN transformer encoder block.

The learner's block is built inside a probe, known weights are copied into it there (sent as tensors),
and its outputs come back; the reference is torch.nn.TransformerEncoderLayer(norm_first=True) with the
same weights, computed here in float64.
"""
import pytest
import torch
from torch import nn

from grader.testing import assert_close, check_tensor

# Runs in the learner's kernel: copy the weights of a dict into the card's submodules.
LOAD = '''
import torch
from torch import nn

def _need(module, name, what):
    if not hasattr(module, name):
        raise AttributeError(f"{what} has no submodule `{name}` (the card fixes the names ln1, attn, ln2, ff)")
    return getattr(module, name)

def _copy(param, value, what):
    if param is None or tuple(param.shape) != tuple(value.shape):
        shape = None if param is None else tuple(param.shape)
        raise ValueError(f"{what} has shape {shape}, expected {tuple(value.shape)}")
    param.copy_(value)

def load(block, W, d_model, d_ff):
    with torch.no_grad():
        for ln in ("ln1", "ln2"):
            m = _need(block, ln, "TransformerBlock")
            _copy(m.weight, W[ln + "_w"], f"{ln}.weight")
            _copy(m.bias, W[ln + "_b"], f"{ln}.bias")
        attn = _need(block, "attn", "TransformerBlock")
        if getattr(attn, "in_proj_weight", None) is not None:          # nn.MultiheadAttention
            _copy(attn.in_proj_weight, torch.cat([W["wq"], W["wk"], W["wv"]]), "attn.in_proj_weight")
            _copy(attn.in_proj_bias, torch.cat([W["bq"], W["bk"], W["bv"]]), "attn.in_proj_bias")
        else:                                                          # own attention, q02-style
            for p in ("q", "k", "v"):
                lin = _need(attn, p + "_proj", "attn")
                _copy(lin.weight, W["w" + p], f"attn.{p}_proj.weight")
                _copy(lin.bias, W["b" + p], f"attn.{p}_proj.bias")
        out = _need(attn, "out_proj", "attn")
        _copy(out.weight, W["wo"], "attn.out_proj.weight")
        _copy(out.bias, W["bo"], "attn.out_proj.bias")
        ff = _need(block, "ff", "TransformerBlock")
        linears = [m for m in ff.modules() if isinstance(m, nn.Linear)]
        up = [m for m in linears if tuple(m.weight.shape) == (d_ff, d_model)]
        down = [m for m in linears if tuple(m.weight.shape) == (d_model, d_ff)]
        if len(linears) != 2 or len(up) != 1 or len(down) != 1:
            raise ValueError("ff should hold exactly two nn.Linear layers, d_model -> d_ff and d_ff -> d_model")
        _copy(up[0].weight, W["w1"], "the first ff linear's weight")
        _copy(up[0].bias, W["b1"], "the first ff linear's bias")
        _copy(down[0].weight, W["w2"], "the second ff linear's weight")
        _copy(down[0].bias, W["b2"], "the second ff linear's bias")
    return up[0], down[0]
'''

FORWARD = LOAD + '''
def probe(sub, cfg, W, x, mask):
    d_model, heads, d_ff, dropout = cfg
    block = sub.TransformerBlock(d_model, heads, d_ff, dropout).to(device=x.device, dtype=x.dtype)
    load(block, W, d_model, d_ff)
    block.eval()
    with torch.no_grad():
        return block(x) if mask is None else block(x, mask)
'''

GRADIENT = LOAD + '''
def probe(sub, cfg, W, x, mask, weight):
    d_model, heads, d_ff, dropout = cfg
    block = sub.TransformerBlock(d_model, heads, d_ff, dropout).to(device=x.device, dtype=x.dtype)
    up, _ = load(block, W, d_model, d_ff)
    x = x.clone().requires_grad_(True)
    out = block(x, mask)
    (out * weight).sum().backward()
    return x.grad, block.ln1.weight.grad, block.ln2.bias.grad, up.weight.grad, block.attn.out_proj.weight.grad
'''

# Uses the learner's own initialisation: behaviour that must hold for any weights.
OWN_INIT = '''
import torch
def probe(sub, cfg, xs, mask):
    d_model, heads, d_ff = cfg
    torch.manual_seed(0)
    block = sub.TransformerBlock(d_model, heads, d_ff).to(device=xs[0].device, dtype=xs[0].dtype).eval()
    with torch.no_grad():
        return [block(x) if mask is None else block(x, mask) for x in xs]
'''

NOT_MUTATED = '''
import torch
def probe(sub, x, mask):
    block = sub.TransformerBlock(x.shape[-1], 2, 16)
    before = x.clone()
    with torch.no_grad():
        block(x)
        block(x, mask)
    return before, x
'''


def make_weights(d_model, d_ff, seed):
    g = torch.Generator().manual_seed(seed)

    def r(*shape, scale=1.0):
        return torch.randn(*shape, generator=g, dtype=torch.float64) * scale

    return {
        "ln1_w": 1 + 0.2 * r(d_model), "ln1_b": 0.2 * r(d_model),
        "ln2_w": 1 + 0.2 * r(d_model), "ln2_b": 0.2 * r(d_model),
        "wq": r(d_model, d_model, scale=d_model ** -0.5), "bq": 0.1 * r(d_model),
        "wk": r(d_model, d_model, scale=d_model ** -0.5), "bk": 0.1 * r(d_model),
        "wv": r(d_model, d_model, scale=d_model ** -0.5), "bv": 0.1 * r(d_model),
        "wo": r(d_model, d_model, scale=d_model ** -0.5), "bo": 0.1 * r(d_model),
        "w1": r(d_ff, d_model, scale=d_model ** -0.5), "b1": 0.1 * r(d_ff),
        "w2": r(d_model, d_ff, scale=d_ff ** -0.5), "b2": 0.1 * r(d_model),
    }


def reference_layer(d_model, heads, d_ff, W):
    """torch's own pre-LN encoder layer (ReLU, no dropout) holding the weights W, in float64."""
    layer = nn.TransformerEncoderLayer(d_model, heads, dim_feedforward=d_ff, dropout=0.0, activation="relu",
                                       batch_first=True, norm_first=True).double()
    with torch.no_grad():
        layer.norm1.weight.copy_(W["ln1_w"]); layer.norm1.bias.copy_(W["ln1_b"])
        layer.norm2.weight.copy_(W["ln2_w"]); layer.norm2.bias.copy_(W["ln2_b"])
        layer.self_attn.in_proj_weight.copy_(torch.cat([W["wq"], W["wk"], W["wv"]]))
        layer.self_attn.in_proj_bias.copy_(torch.cat([W["bq"], W["bk"], W["bv"]]))
        layer.self_attn.out_proj.weight.copy_(W["wo"]); layer.self_attn.out_proj.bias.copy_(W["bo"])
        layer.linear1.weight.copy_(W["w1"]); layer.linear1.bias.copy_(W["b1"])
        layer.linear2.weight.copy_(W["w2"]); layer.linear2.bias.copy_(W["b2"])
    return layer


def reference_forward(cfg, W, x, mask):
    d_model, heads, d_ff = cfg[:3]
    layer = reference_layer(d_model, heads, d_ff, W).train()   # train mode + dropout 0: the plain math path
    x = x.detach().cpu().double()
    src_mask = None if mask is None else ~mask.cpu()            # torch: True = NOT allowed
    with torch.no_grad():
        return layer(x, src_mask=src_mask)


def rounded(W, dtype, device):
    """The weights as the learner's module holds them (rounded to dtype), on device."""
    return {k: v.to(dtype).to(device) for k, v in W.items()}


def tol(dtype):
    return {"rtol": 1e-4, "atol": 1e-4} if dtype == torch.float32 else {}


def check_against_reference(submission, device, cfg, batch, seq, dtype, mask, seed, what):
    d_model, heads, d_ff = cfg[:3]
    W = rounded(make_weights(d_model, d_ff, seed), dtype, device)
    g = torch.Generator().manual_seed(seed + 1)
    x = torch.randn(batch, seq, d_model, generator=g, dtype=torch.float64).to(dtype).to(device)
    with_dropout = tuple(cfg) if len(cfg) == 4 else tuple(cfg) + (0.0,)
    out = submission.probe(FORWARD, with_dropout, W, x, mask)
    label = f"TransformerBlock{tuple(cfg)} on x of shape {(batch, seq, d_model)} ({str(dtype)[6:]}){what}"
    check_tensor(out, label, shape=(batch, seq, d_model), dtype=dtype, device=device)
    expected = reference_forward(cfg, {k: v.double() for k, v in W.items()}, x, mask)
    assert_close(out, expected, label, **tol(dtype))


def causal(seq, device):
    return torch.ones(seq, seq, dtype=torch.bool, device=device).tril()


@pytest.mark.points(1)
def test_shape_dtype_device(submission, device):
    """the output has the shape, dtype and device of x (float32 and float64)"""
    for dtype, cfg, shape in ((torch.float32, (8, 2, 16), (2, 5, 8)), (torch.float64, (6, 3, 10), (1, 4, 6))):
        x = torch.randn(shape, dtype=dtype, device=device)
        (out,) = submission.probe(OWN_INIT, cfg, [x], None)
        check_tensor(out, f"TransformerBlock{cfg} on x of shape {shape} ({str(dtype)[6:]})", shape=shape,
                     dtype=dtype, device=device)


@pytest.mark.points(3)
def test_matches_reference_without_mask(submission, device):
    """without a mask, equals x + attn(ln1(x)), then x + ff(ln2(x)) (several shapes, float32 and float64)"""
    cases = [((8, 2, 16), 2, 5, torch.float64, 1), ((12, 3, 20), 3, 7, torch.float32, 2),
             ((6, 1, 10), 1, 1, torch.float64, 3), ((16, 4, 8), 2, 9, torch.float64, 4)]
    for cfg, batch, seq, dtype, seed in cases:
        check_against_reference(submission, device, cfg, batch, seq, dtype, None, seed, "")


@pytest.mark.points(2)
def test_matches_reference_with_mask(submission, device):
    """with a boolean mask (True = may attend), equals the reference: a causal mask and an arbitrary pattern"""
    check_against_reference(submission, device, (8, 2, 16), 2, 6, torch.float64, causal(6, device), 11,
                            " with a causal mask")
    check_against_reference(submission, device, (12, 3, 24), 3, 5, torch.float32, causal(5, device), 12,
                            " with a causal mask")
    g = torch.Generator().manual_seed(13)
    pattern = (torch.rand(7, 7, generator=g) < 0.5) | torch.eye(7, dtype=torch.bool)
    check_against_reference(submission, device, (8, 4, 12), 2, 7, torch.float64, pattern.to(device), 14,
                            " with a random (seq, seq) mask")


@pytest.mark.points(1)
def test_no_leak_through_causal_mask(submission, device):
    """with a causal mask, changing later tokens does not change the outputs at earlier positions"""
    x = torch.randn(2, 8, 8, dtype=torch.float64, device=device)
    y = x.clone()
    y[:, 5:] = torch.randn(2, 3, 8, dtype=torch.float64, device=device)
    out_x, out_y = submission.probe(OWN_INIT, (8, 2, 16), [x, y], causal(8, device))
    assert_close(out_y[:, :5], out_x[:, :5],
                 "with a causal mask, the output at positions 0-4 after changing tokens 5-7")


@pytest.mark.points(1)
def test_permutation_equivariant_without_mask(submission, device):
    """without a mask, permuting the sequence permutes the output the same way"""
    x = torch.randn(2, 7, 8, dtype=torch.float64, device=device)
    perm = torch.tensor([3, 0, 6, 1, 5, 2, 4])
    out, out_perm = submission.probe(OWN_INIT, (8, 2, 16), [x, x[:, perm.to(device)]], None)
    assert_close(out_perm, out[:, perm.to(out.device)],
                 "the output for a permuted sequence (it should be the permuted output)")


@pytest.mark.points(2)
def test_gradients(submission, device):
    """gradients w.r.t. x, ln1.weight, ln2.bias, the first ff weight and attn.out_proj.weight equal the reference"""
    cfg = (8, 2, 12)
    W = rounded(make_weights(8, 12, 21), torch.float64, device)
    x = torch.randn(3, 5, 8, dtype=torch.float64, device=device)
    weight = torch.randn(3, 5, 8, dtype=torch.float64, device=device)
    mask = causal(5, device)
    grads = submission.probe(GRADIENT, cfg + (0.0,), W, x, mask, weight)

    layer = reference_layer(8, 2, 12, {k: v.cpu() for k, v in W.items()}).train()
    xr = x.detach().cpu().clone().requires_grad_(True)
    (layer(xr, src_mask=~mask.cpu()) * weight.cpu()).sum().backward()
    expected = (xr.grad, layer.norm1.weight.grad, layer.norm2.bias.grad, layer.linear1.weight.grad,
                layer.self_attn.out_proj.weight.grad)
    names = ("x", "ln1.weight", "ln2.bias", "the first ff linear's weight", "attn.out_proj.weight")
    for got, exp, name in zip(grads, expected, names):
        assert got is not None, f"{name} received no gradient"
        assert_close(got, exp, f"the gradient w.r.t. {name}")


@pytest.mark.points(1)
def test_dropout_inactive_in_eval(submission, device):
    """built with dropout=0.3, in eval() mode the block is deterministic and equals the reference"""
    check_against_reference(submission, device, (8, 2, 16, 0.3), 2, 6, torch.float64, causal(6, device), 31,
                            " with dropout=0.3 in eval mode")


@pytest.mark.points(1)
def test_input_not_modified(submission, device):
    """x is not modified in place"""
    x = torch.randn(2, 4, 8, device=device)
    before, after = submission.probe(NOT_MUTATED, x, causal(4, device))
    assert torch.equal(before, after), "TransformerBlock.forward changed its input x in place"
