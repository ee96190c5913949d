"""Hidden suite for q13, global magnitude pruning.

The learner's function prunes a model in place, so every check builds the model inside a probe from
weights sent from here, calls the function there and sends back the masks, the parameters afterwards
and a forward pass. The expected result comes from torch.nn.utils.prune.global_unstructured, run here.
"""
import pytest
import torch
from torch import nn
from torch.nn.utils import prune

from grader.testing import assert_close, assert_equal, check_tensor

BUILD = '''
import torch
from torch import nn

def build(kind):
    if kind == "mlp":
        return nn.Sequential(nn.Linear(20, 30), nn.ReLU(), nn.Linear(30, 10), nn.LayerNorm(10),
                             nn.Linear(10, 5, bias=False))
    if kind == "conv":
        return nn.Sequential(
            nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.Conv2d(8, 4, 3, bias=False), nn.BatchNorm2d(4)),
            nn.Sequential(nn.Flatten(), nn.Linear(4 * 4 * 4, 10)))
    raise ValueError(kind)
'''

PROBE = BUILD + '''
def probe(sub, kind, state, amount, x):
    model = build(kind).to(device=x.device, dtype=x.dtype).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(state[name])
    before = dict(model.named_parameters())
    masks = sub.global_magnitude_prune(model, amount)
    if isinstance(masks, dict):
        masks = dict(masks)
    after = dict(model.named_parameters())
    same_objects = sorted(after) == sorted(before) and all(after[n] is before[n] for n in after)
    with torch.no_grad():
        out = model(x)
    return masks, {n: p.detach().clone() for n, p in after.items()}, same_objects, out
'''

scope = {}
exec(BUILD, scope)
build = scope["build"]

TOTAL = {"mlp": 20 * 30 + 30 * 10 + 10 * 5, "conv": 3 * 8 * 9 + 8 * 4 * 9 + 64 * 10}
INPUT = {"mlp": (6, 20), "conv": (2, 3, 8, 8)}


def make_state(kind, dtype, device):
    """Random weights whose scale differs from layer to layer (so global != per-layer ranking);
    biases are small, so a solution that ranked biases too would prune some of them."""
    model = build(kind)
    state, scale = {}, 1.0
    for name, p in model.named_parameters():
        if name.endswith("bias"):
            t = 0.01 * torch.randn(p.shape, dtype=dtype)
        elif p.dim() == 1:  # LayerNorm / BatchNorm weight
            t = 1.0 + 0.001 * torch.randn(p.shape, dtype=dtype)
        else:
            scale *= 2.5
            t = scale * torch.randn(p.shape, dtype=dtype)
        state[name] = t.to(device)
    return state


def reference(kind, state, amount, x):
    """Masks, pruned parameters and forward output of torch's global L1 unstructured pruning."""
    model = build(kind).to(device=x.device, dtype=x.dtype).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(state[name])
    targets = [(name, m) for name, m in model.named_modules() if isinstance(m, (nn.Linear, nn.Conv2d))]
    prune.global_unstructured([(m, "weight") for _, m in targets], pruning_method=prune.L1Unstructured,
                              amount=amount)
    masks = {f"{name}.weight": m.weight_mask.bool() for name, m in targets}
    for _, m in targets:
        prune.remove(m, "weight")
    with torch.no_grad():
        out = model(x)
    return masks, {n: p.detach().clone() for n, p in model.named_parameters()}, out


def run(submission, kind, amount, dtype, device):
    state = make_state(kind, dtype, device)
    x = torch.randn(INPUT[kind], dtype=dtype, device=device)
    got = submission.probe(PROBE, kind, state, amount, x)
    return got, reference(kind, state, amount, x)


def check_masks(masks, expected, what, device):
    assert isinstance(masks, dict), f"{what} should return a dict of masks, got {type(masks).__name__}"
    assert sorted(masks) == sorted(expected), (
        f"{what} returned masks for {sorted(masks)}; expected one mask for the weight of every "
        f"nn.Linear / nn.Conv2d, keyed like model.named_parameters(): {sorted(expected)}")
    for name, mask in expected.items():
        # the dtype (bool) is checked by test_masks_are_boolean alone; here 0/1 values are compared
        check_tensor(masks[name], f"the mask of {name!r}", shape=mask.shape, device=device)
        got = masks[name].detach().cpu() != 0
        assert_equal(got, mask.cpu(), f"the mask of {name!r} ({what})")


@pytest.mark.points(1)
def test_mask_keys(submission, device):
    """one mask per Linear/Conv2d weight, keyed by parameter name; no biases, no norm weights"""
    for kind in ("mlp", "conv"):
        (masks, _, _, _), (expected, _, _) = run(submission, kind, 0.5, torch.float32, device)
        assert isinstance(masks, dict), f"global_magnitude_prune should return a dict, got {type(masks).__name__}"
        assert sorted(masks) == sorted(expected), (
            f"the mask keys are {sorted(masks)}; expected one key per nn.Linear / nn.Conv2d weight, named as "
            f"model.named_parameters() names them: {sorted(expected)}")


@pytest.mark.points(1)
def test_masks_are_boolean(submission, device):
    """masks are boolean tensors with the weight's shape, on the weight's device"""
    (masks, _, _, _), (expected, _, _) = run(submission, "mlp", 0.3, torch.float32, device)
    assert isinstance(masks, dict), f"global_magnitude_prune should return a dict, got {type(masks).__name__}"
    for name, mask in expected.items():
        assert name in masks, f"no mask for {name!r}"
        check_tensor(masks[name], f"the mask of {name!r}", shape=mask.shape, dtype=torch.bool, device=device)


@pytest.mark.points(2)
def test_masks_match_global_pruning_mlp(submission, device):
    """an MLP (float32): masks equal prune.global_unstructured with L1Unstructured at several amounts"""
    for amount in (0.2, 0.5, 0.9):
        (masks, _, _, _), (expected, _, _) = run(submission, "mlp", amount, torch.float32, device)
        check_masks(masks, expected, f"amount={amount}", device)


@pytest.mark.points(2)
def test_masks_match_global_pruning_conv(submission, device):
    """a nested conv net (float64): one threshold across Conv2d and Linear layers of different scales"""
    for amount in (0.25, 0.6, 0.75):
        (masks, _, _, _), (expected, _, _) = run(submission, "conv", amount, torch.float64, device)
        check_masks(masks, expected, f"conv net, amount={amount}", device)


@pytest.mark.points(2)
def test_weights_zeroed_in_place(submission, device):
    """the model's own parameters are pruned in place; biases and norm parameters are untouched"""
    for kind, dtype in (("mlp", torch.float64), ("conv", torch.float32)):
        (_, params, same_objects, out), (_, expected, expected_out) = run(submission, kind, 0.5, dtype, device)
        assert sorted(params) == sorted(expected), (
            f"after pruning, model.named_parameters() gives {sorted(params)}, expected the original names "
            f"{sorted(expected)} (prune in place, without re-parametrising the model)")
        assert same_objects, "the model's parameters were replaced by new objects; modify them in place"
        for name, value in expected.items():
            kind_of = "weight" if name.endswith("weight") else "parameter"
            assert_close(params[name], value, f"the {kind_of} {name!r} after pruning ({kind}, {str(dtype)[6:]})",
                         rtol=0, atol=0)
        assert_close(out, expected_out, f"the pruned {kind} model's output")


@pytest.mark.points(1)
def test_amount_zero_and_one(submission, device):
    """amount=0 keeps every weight; amount=1 prunes every Linear/Conv2d weight (biases stay)"""
    for amount in (0.0, 1.0):
        (masks, params, _, _), (expected, expected_params, _) = run(submission, "mlp", amount, torch.float32,
                                                                     device)
        check_masks(masks, expected, f"amount={amount}", device)
        for name, value in expected_params.items():
            assert_close(params[name], value, f"the parameter {name!r} after pruning with amount={amount}",
                         rtol=0, atol=0)
