"""Hidden suite for q15, per-tensor int8 affine / symmetric quantisation.

The contract fixes the properties, not one implementation: the integer range, an integer zero point
inside it, a scale that uses the range, and a round-trip error of at most scale/2. Tie-breaking in the
rounding and torch's symmetric variant ([-2^(b-1), 2^(b-1)-1] with scale max|x|/((qmax-qmin)/2)) are
equally correct, so the suite checks those properties rather than exact integers.
"""
import pytest
import torch

from grader.testing import assert_close, check_tensor

INT_DTYPES = (torch.int8, torch.uint8, torch.int16, torch.int32, torch.int64)
SLACK = {torch.float32: 1e-6, torch.float64: 1e-12}


def as_float(v, what):
    if isinstance(v, torch.Tensor):
        assert v.numel() == 1, f"{what} should be a single number (a 0-dim tensor or a Python number)"
        return float(v.reshape(()).item())
    assert isinstance(v, (int, float)), f"{what} should be a number, got {type(v).__name__}"
    return float(v)


def int_range(num_bits, symmetric):
    if symmetric:
        return -(2 ** (num_bits - 1)), 2 ** (num_bits - 1) - 1
    return 0, 2 ** num_bits - 1


def check_quantized(q, scale, zero_point, x, num_bits, symmetric, device, what, integer_dtype=False):
    """q holds integers in range, zero_point is an integer in range, scale is positive and finite.
    The integer dtype of q is checked only where `integer_dtype` (test_output_types), so that one
    convention costs one point; everywhere else q's values must be whole numbers."""
    check_tensor(q, f"q from {what}", shape=x.shape, device=device)
    if integer_dtype:
        assert q.dtype in INT_DTYPES, f"q from {what} has dtype {str(q.dtype)[6:]}, expected an integer dtype"
    elif q.dtype not in INT_DTYPES:
        assert bool((q == torch.round(q)).all()), f"q from {what} holds values that are not whole numbers"
    qmin, qmax = int_range(num_bits, symmetric)
    lo, hi = int(q.min()), int(q.max())
    assert qmin <= lo and hi <= qmax, (
        f"q from {what} has values in [{lo}, {hi}], outside the {num_bits}-bit range [{qmin}, {qmax}]")
    s = as_float(scale, f"scale from {what}")
    assert s > 0 and s < float("inf"), f"scale from {what} is {s}, expected a positive finite number"
    z = as_float(zero_point, f"zero_point from {what}")
    assert z == round(z), f"zero_point from {what} is {z}, expected an integer (rounded)"
    if symmetric:
        assert z == 0, f"zero_point from {what} is {z:g}; symmetric quantisation has zero_point 0"
    else:
        assert qmin <= z <= qmax, (
            f"zero_point from {what} is {z:g}, outside [{qmin}, {qmax}]: real 0 is not exactly representable")
    return s, int(z)


def check_round_trip(x_hat, x, s, device, what):
    check_tensor(x_hat, f"dequantize(*{what})", shape=x.shape, device=device)
    err = (x_hat.detach().cpu().double() - x.cpu().double()).abs().max().item()
    bound = 0.5 * s * (1 + 1e-4) + SLACK.get(x.dtype, 1e-6) * x.abs().max().item()
    assert err <= bound, (f"the round-trip error of {what} is {err:.4g}, larger than scale / 2 = {s / 2:.4g}")


def round_trip(submission, x, num_bits, symmetric, device, what):
    q, scale, zp = submission.quantize(x, num_bits=num_bits, symmetric=symmetric)
    s, z = check_quantized(q, scale, zp, x, num_bits, symmetric, device, what)
    check_round_trip(submission.dequantize(q, scale, zp), x, s, device, what)
    return s, z


def randn(shape, dtype, device, scale=1.0, shift=0.0):
    return (scale * torch.randn(shape, dtype=torch.float64) + shift).to(dtype=dtype, device=device)


@pytest.mark.points(1)
def test_output_types(submission, device):
    """q is an integer tensor shaped like x on x's device; scale > 0; zero_point an integer"""
    x = randn((5, 7), torch.float32, device)
    for symmetric in (False, True):
        q, scale, zp = submission.quantize(x, symmetric=symmetric)
        check_quantized(q, scale, zp, x, 8, symmetric, device, f"quantize(x, symmetric={symmetric})",
                        integer_dtype=True)


@pytest.mark.points(2)
def test_affine_round_trip(submission, device):
    """affine: q in [0, 2^b - 1] and |dequantize(quantize(x)) - x| <= scale/2 (shapes, dtypes, 8/6/4 bits)"""
    cases = (((100,), torch.float32, 8, 1.0, 0.0), ((4, 30), torch.float64, 8, 3.0, 1.0),
             ((2, 3, 16), torch.float32, 4, 0.5, -0.2), ((50,), torch.float64, 6, 10.0, 0.0))
    for shape, dtype, bits, scale, shift in cases:
        x = randn(shape, dtype, device, scale, shift)
        round_trip(submission, x, bits, False, device, f"quantize(x, num_bits={bits}) of a {str(dtype)[6:]} "
                                                       f"tensor of shape {shape}")


@pytest.mark.points(1)
def test_affine_scale_uses_the_range(submission, device):
    """affine: the scale spreads [min(x, 0), max(x, 0)] over all 2^b integers (not a needlessly coarse grid)"""
    for bits in (8, 4):
        x = randn((200,), torch.float64, device, 2.0, 0.5)
        q, scale, zp = submission.quantize(x, num_bits=bits)
        s = as_float(scale, "scale")
        lo, hi = min(x.min().item(), 0.0), max(x.max().item(), 0.0)
        assert s <= (hi - lo) / (2 ** bits - 1) * (1 + 1e-6), (
            f"with num_bits={bits} the scale {s:.4g} is larger than (max - min) / (2^b - 1) = "
            f"{(hi - lo) / (2 ** bits - 1):.4g}: the integer range is not fully used")


@pytest.mark.points(1)
def test_range_includes_zero(submission, device):
    """affine on all-positive or all-negative data: the range is stretched to include 0 (zero_point in range)"""
    for lo, hi in ((2.0, 5.0), (-5.0, -2.0), (0.1, 40.0)):
        for dtype in (torch.float32, torch.float64):
            x = (lo + (hi - lo) * torch.rand(64, dtype=torch.float64)).to(dtype=dtype, device=device)
            round_trip(submission, x, 8, False, device, f"quantize(x) with x in [{lo}, {hi}] ({str(dtype)[6:]})")


@pytest.mark.points(1)
def test_zero_point_rounded_and_clamped(submission, device):
    """affine: the zero point is an integer in [0, 2^b - 1] for ranges where -min/scale is not an integer"""
    for bits, (lo, hi) in ((8, (-0.37, 1.91)), (4, (-2.2, 0.45)), (8, (-3.3, 0.0)), (6, (0.0, 7.7))):
        x = torch.linspace(lo, hi, 37, dtype=torch.float64, device=device)
        q, scale, zp = submission.quantize(x, num_bits=bits)
        check_quantized(q, scale, zp, x, bits, False, device, f"quantize(x, num_bits={bits}) with x in [{lo}, {hi}]")


@pytest.mark.points(1)
def test_symmetric(submission, device):
    """symmetric: zero_point 0, signed integers, round trip within scale/2, scale max|x| / (2^(b-1) - 1) or finer"""
    for shape, dtype, bits, scale, shift in (((80,), torch.float32, 8, 1.0, 0.3), ((3, 20), torch.float64, 4, 2.0, -1.0),
                                             ((40,), torch.float64, 8, 0.01, 0.0)):
        x = randn(shape, dtype, device, scale, shift)
        what = f"quantize(x, num_bits={bits}, symmetric=True) of a {str(dtype)[6:]} tensor"
        s, _ = round_trip(submission, x, bits, True, device, what)
        amax = x.abs().max().item()
        assert s <= amax / (2 ** (bits - 1) - 1) * (1 + 1e-6), (
            f"the scale of {what} is {s:.4g}, larger than max|x| / (2^(b-1) - 1) = {amax / (2 ** (bits - 1) - 1):.4g}")


@pytest.mark.points(1)
def test_constant_tensors(submission, device):
    """constant tensors (all zeros, all 3.0, all -2.5): no division by zero, no NaN, exact zeros stay zero"""
    for symmetric in (False, True):
        for value in (0.0, 3.0, -2.5):
            for dtype in (torch.float32, torch.float64):
                x = torch.full((4, 5), value, dtype=dtype, device=device)
                what = f"quantize of a constant {value} tensor (symmetric={symmetric}, {str(dtype)[6:]})"
                q, scale, zp = submission.quantize(x, symmetric=symmetric)
                s, z = check_quantized(q, scale, zp, x, 8, symmetric, device, what)
                x_hat = submission.dequantize(q, scale, zp)
                check_round_trip(x_hat, x, s, device, what)
                if value == 0.0:
                    assert bool((x_hat == 0).all()), f"{what}: zeros do not dequantize to exactly 0"


@pytest.mark.points(1)
def test_dequantize_formula(submission, device):
    """dequantize(q, scale, zero_point) = (q - zero_point) * scale, in scale's dtype"""
    for dtype, zp in ((torch.float32, 128), (torch.float64, 3), (torch.float32, 0)):
        q = torch.randint(0, 256, (6, 9), dtype=torch.int32, device=device)
        scale = torch.tensor(0.0371, dtype=dtype, device=device)
        out = submission.dequantize(q, scale, zp)
        check_tensor(out, f"dequantize with a {str(dtype)[6:]} scale", shape=q.shape, dtype=dtype, device=device)
        assert_close(out, (q.to(dtype) - zp) * scale, f"dequantize(q, scale, zero_point={zp})")


@pytest.mark.points(1)
def test_round_trip_keeps_dtype(submission, device):
    """dequantize(*quantize(x)) has x's dtype and device (float32 and float64)"""
    for dtype in (torch.float32, torch.float64):
        for symmetric in (False, True):
            x = randn((3, 4), dtype, device)
            x_hat = submission.dequantize(*submission.quantize(x, symmetric=symmetric))
            check_tensor(x_hat, f"dequantize(*quantize(x, symmetric={symmetric})) for a {str(dtype)[6:]} x",
                         shape=x.shape, dtype=dtype, device=device)


@pytest.mark.points(1)
def test_input_not_modified(submission, device):
    """quantize does not modify x in place"""
    probe = """
def probe(sub, x):
    before = x.clone()
    sub.quantize(x)
    sub.quantize(x, num_bits=4, symmetric=True)
    return before, x
"""
    before, after = submission.probe(probe, randn((10, 10), torch.float32, device))
    assert torch.equal(before, after), "quantize changed its input tensor in place"
