"""Hidden suite for q07, inverted dropout."""
import pytest
import torch

from grader.testing import assert_close, check_tensor, raises

SHAPE = (400, 250)  # 100,000 elements: drop-rate estimates have a standard error below 0.2%


def ones(device, dtype=torch.float32, shape=SHAPE):
    return torch.ones(shape, dtype=dtype, device=device)


@pytest.mark.points(1)
def test_eval_is_identity(submission, device):
    """training=False returns the input unchanged"""
    x = torch.randn(3, 7, device=device)
    for p in (0.3, 0.9):
        out = submission.dropout(x, p=p, training=False)
        check_tensor(out, f"dropout(x, p={p}, training=False)", shape=x.shape, device=device)
        assert_close(out, x, f"dropout(x, p={p}, training=False)", rtol=0, atol=0)


@pytest.mark.points(1)
def test_p_zero_is_identity(submission, device):
    """p=0 keeps every element unchanged"""
    x = torch.randn(5, 4, device=device)
    out = submission.dropout(x, p=0.0)
    assert_close(out, x, "dropout(x, p=0)", rtol=0, atol=0)


@pytest.mark.points(1)
def test_p_one_gives_zeros(submission, device):
    """p=1 drops everything: all zeros, no NaN"""
    out = submission.dropout(torch.randn(6, 5, device=device), p=1.0)
    check_tensor(out, "dropout(x, p=1)", shape=(6, 5), device=device)
    assert_close(out, torch.zeros(6, 5), "dropout(x, p=1)", rtol=0, atol=0)


@pytest.mark.points(1)
def test_invalid_p_raises(submission, device):
    """p outside [0, 1] raises ValueError"""
    x = torch.ones(3, device=device)
    for p in (-0.1, 1.5):
        with raises("ValueError"):
            submission.dropout(x, p=p)


@pytest.mark.points(2)
def test_kept_units_are_rescaled(submission, device):
    """kept elements are scaled by 1/(1-p), dropped ones are exactly zero"""
    for p in (0.2, 0.5, 0.75):
        out = submission.dropout(ones(device), p=p)
        check_tensor(out, f"dropout(x, p={p})", shape=SHAPE, device=device)
        values = out.detach().cpu().double()
        kept = values[values != 0]
        assert kept.numel() > 0, f"dropout(ones, p={p}) dropped every element"
        expected = 1.0 / (1.0 - p)
        assert torch.allclose(kept, torch.full_like(kept, expected), rtol=1e-5, atol=1e-6), (
            f"with p={p}, kept elements of an all-ones input should equal 1/(1-p); "
            f"they range from {kept.min().item():.4g} to {kept.max().item():.4g}")


@pytest.mark.points(1)
def test_drop_rate_is_p(submission, device):
    """the fraction of dropped elements is p"""
    for p in (0.1, 0.5, 0.8):
        out = submission.dropout(ones(device), p=p).detach().cpu()
        rate = (out == 0).double().mean().item()
        sigma = (p * (1 - p) / out.numel()) ** 0.5
        assert abs(rate - p) < 6 * sigma + 1e-9, f"with p={p}, {rate:.3f} of the elements were dropped"


@pytest.mark.points(1)
def test_shape_dtype_device_kept(submission, device):
    """output keeps the input's shape, dtype and device (float32 and float64, any rank)"""
    for dtype, shape in ((torch.float64, (2, 3, 4)), (torch.float32, (7,)), (torch.float64, (2, 1, 3, 5))):
        x = torch.randn(shape, dtype=dtype, device=device)
        out = submission.dropout(x, p=0.5)
        check_tensor(out, f"dropout of a {str(dtype)[6:]} tensor of shape {shape}", shape=shape, dtype=dtype,
                     device=device)


@pytest.mark.points(1)
def test_input_not_modified(submission, device):
    """the input tensor is not modified in place"""
    probe = """
def probe(sub, x):
    before = x.clone()
    sub.dropout(x, p=0.5)
    sub.dropout(x, p=1.0)
    return before, x
"""
    before, after = submission.probe(probe, torch.randn(50, 20, device=device))
    assert torch.equal(before, after), "dropout changed its input tensor in place"


@pytest.mark.points(1)
def test_generator_controls_randomness(submission, device):
    """randomness comes from `generator`: the same seed gives the same mask, a new call a new mask"""
    probe = """
import torch
def probe(sub, x, device):
    g1 = torch.Generator(device=device).manual_seed(1234)
    g2 = torch.Generator(device=device).manual_seed(1234)
    a = sub.dropout(x, p=0.5, generator=g1)
    b = sub.dropout(x, p=0.5, generator=g2)
    c = sub.dropout(x, p=0.5, generator=g1)
    return a, b, c
"""
    a, b, c = submission.probe(probe, ones(device, shape=(64, 64)), device)
    assert torch.equal(a, b), "two calls with generators seeded alike gave different masks"
    assert not torch.equal(a, c), "two calls with the same generator gave the same mask"
