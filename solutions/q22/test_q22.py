"""Hidden suite for q22, perplexity."""
import math
import numbers

import pytest
import torch
import torch.nn.functional as F


def reference(logits, targets, ignore_index=-100):
    """exp of the mean token NLL over non-ignored targets, from PyTorch's cross-entropy, in float64."""
    V = logits.shape[-1]
    nll = F.cross_entropy(logits.detach().cpu().double().reshape(-1, V), targets.cpu().reshape(-1),
                          ignore_index=ignore_index)
    return math.exp(nll.item())


def as_float(out, what):
    assert isinstance(out, numbers.Real) and not isinstance(out, bool), (
        f"{what} returned a {type(out).__name__}, expected a Python float (use .item())")
    return float(out)


def check(submission, logits, targets, what, rtol, **kwargs):
    got = as_float(submission.perplexity(logits, targets, **kwargs), what)
    want = reference(logits, targets, **kwargs)
    assert math.isfinite(got), f"{what} is {got}"
    assert abs(got - want) <= rtol * want, f"{what} is {got:.6g}, which is not exp(mean token NLL)"


def make(shape, vocab, dtype, device, scale=2.0):
    logits = (torch.randn(*shape, vocab, dtype=dtype) * scale).to(device)
    targets = torch.randint(0, vocab, shape).to(device)
    return logits, targets


RTOL = {torch.float32: 1e-4, torch.float64: 1e-9}


@pytest.mark.points(3)
def test_matches_cross_entropy(submission, device):
    """perplexity = exp(mean NLL) over (batch, seq, vocab) and (tokens, vocab) logits, vocab on the last axis"""
    for shape, vocab, dtype in (((2, 7), 11, torch.float32), ((3, 5), 5, torch.float64), ((40,), 50, torch.float64),
                                ((4, 6), 3, torch.float32), ((1, 1), 9, torch.float64)):
        logits, targets = make(shape, vocab, dtype, device)
        check(submission, logits, targets, f"perplexity of {str(dtype)[6:]} logits of shape {(*shape, vocab)}",
              RTOL[dtype])


@pytest.mark.points(2)
def test_ignore_index(submission, device):
    """targets equal to ignore_index are left out of the mean (default -100, or any other value such as a pad id)"""
    logits, targets = make((3, 8), 6, torch.float64, device)
    targets[0, 5:] = -100
    targets[2, 1::2] = -100
    check(submission, logits, targets, "perplexity with some targets = -100 (the default ignore_index)", 1e-9)
    logits, targets = make((4, 10), 7, torch.float64, device)
    targets[:, 7:] = 0                                           # padding with id 0
    check(submission, logits, targets, "perplexity(logits, targets, ignore_index=0) with padded sequences", 1e-9,
          ignore_index=0)


@pytest.mark.points(1)
def test_all_ignored_is_nan(submission, device):
    """when every target is ignored there are no tokens: the result is NaN (as exp(F.cross_entropy(...))), not an error"""
    logits, _ = make((2, 3), 4, torch.float32, device)
    targets = torch.full((2, 3), -100, device=device)
    got = as_float(submission.perplexity(logits, targets), "perplexity with every target ignored")
    assert math.isnan(got), f"perplexity with every target ignored is {got}, expected NaN"


@pytest.mark.points(1)
def test_uniform_model(submission, device):
    """a model that spreads probability evenly over V tokens has perplexity V"""
    for vocab in (2, 17, 1000):
        logits = torch.zeros(3, 4, vocab, device=device)
        targets = torch.randint(0, vocab, (3, 4)).to(device)
        got = as_float(submission.perplexity(logits, targets), f"perplexity of uniform logits over {vocab} tokens")
        assert abs(got - vocab) <= 1e-4 * vocab, f"perplexity of uniform logits over {vocab} tokens is {got:.6g}, expected {vocab}"


@pytest.mark.points(1)
def test_large_logits_stable(submission, device):
    """logits around 1e4 (float32) give a finite, correct perplexity"""
    logits, targets = make((3, 5), 8, torch.float32, device, scale=3.0)
    logits = logits + 1e4
    check(submission, logits, targets, "perplexity of float32 logits around 1e4", 1e-3)
    check(submission, -logits, targets, "perplexity of float32 logits around -1e4", 1e-3)


@pytest.mark.points(1)
def test_inputs_untouched(submission, device):
    """logits and targets are not modified in place"""
    probe = """
def probe(sub, logits, targets):
    l0, t0 = logits.clone(), targets.clone()
    sub.perplexity(logits, targets)
    return bool(torch.equal(logits, l0)), bool(torch.equal(targets, t0))
"""
    logits, targets = make((2, 6), 5, torch.float32, device)
    targets[1, 3:] = -100
    same_logits, same_targets = submission.probe("import torch\n" + probe, logits, targets)
    assert same_logits, "perplexity modified `logits` in place"
    assert same_targets, "perplexity modified `targets` in place (e.g. replacing ignored targets)"
