"""Hidden suite for q03, sinusoidal positional encoding."""
import pytest
import torch

from grader.testing import assert_close

ATOL = 1e-3  # the card's tolerance: float32 sin/cos of angles up to 512 rad are off by ~3e-5 at most


def reference(seq_len, d_model):
    """Float64 table straight from the formula, one column at a time (Vaswani et al., section 3.5)."""
    pos = torch.arange(seq_len, dtype=torch.float64)[:, None]
    j = torch.arange(d_model)
    angle = pos / 10000.0 ** ((2 * (j // 2)).to(torch.float64) / d_model)
    return torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle))


def call(submission, seq_len, d_model):
    pe = submission.sinusoidal_positional_encoding(seq_len, d_model)
    what = f"sinusoidal_positional_encoding({seq_len}, {d_model})"
    assert isinstance(pe, torch.Tensor), f"{what} should return a torch.Tensor, got {type(pe).__name__}"
    assert tuple(pe.shape) == (seq_len, d_model), (
        f"{what} has shape {tuple(pe.shape)}, expected {(seq_len, d_model)}")
    assert pe.dtype in (torch.float32, torch.float64), (
        f"{what} has dtype {str(pe.dtype)[6:]}, expected float32 (or float64)")
    return pe.detach().cpu().double(), what


def compare(submission, seq_len, d_model):
    pe, what = call(submission, seq_len, d_model)
    assert_close(pe, reference(seq_len, d_model), what, rtol=0, atol=ATOL)


@pytest.mark.points(1)
def test_shape_and_dtype(submission, device):
    """returns a float tensor of shape (seq_len, d_model)"""
    for seq_len, d_model in ((10, 8), (3, 17), (64, 2)):
        call(submission, seq_len, d_model)


@pytest.mark.points(1)
def test_position_zero(submission, device):
    """position 0 is [0, 1, 0, 1, ...]: sin(0) = 0 in even columns, cos(0) = 1 in odd columns"""
    pe, what = call(submission, 4, 10)
    row = pe[0]
    assert torch.allclose(row[0::2], torch.zeros(5, dtype=torch.float64), atol=ATOL) and \
        torch.allclose(row[1::2], torch.ones(5, dtype=torch.float64), atol=ATOL), (
        f"row 0 of {what} should alternate 0, 1, 0, 1, ... (positions start at 0; "
        "even columns are sin, odd columns are cos)")


@pytest.mark.points(1)
def test_pairs_share_an_angle(submission, device):
    """columns 2i and 2i+1 are sin and cos of the same angle (sin² + cos² = 1)"""
    pe, what = call(submission, 40, 12)
    norms = pe[:, 0::2] ** 2 + pe[:, 1::2] ** 2
    assert torch.allclose(norms, torch.ones_like(norms), atol=2 * ATOL), (
        f"in {what}, columns 2i and 2i+1 are not sin and cos of the same angle (sin² + cos² should be 1): "
        "both use the exponent 2i/d_model")


@pytest.mark.points(3)
def test_matches_formula(submission, device):
    """even d_model: every entry equals sin/cos(pos / 10000^(2i/d_model))"""
    for seq_len, d_model in ((50, 16), (128, 64), (512, 512), (9, 2)):
        compare(submission, seq_len, d_model)


@pytest.mark.points(2)
def test_odd_d_model(submission, device):
    """odd d_model: d_model columns, the last one a sin column with i = (d_model - 1) / 2"""
    for seq_len, d_model in ((10, 7), (33, 65), (6, 3)):
        compare(submission, seq_len, d_model)


@pytest.mark.points(1)
def test_smallest_sizes(submission, device):
    """edge cases: one position, and d_model = 1 (a single sin column)"""
    for seq_len, d_model in ((1, 8), (1, 1), (20, 1)):
        compare(submission, seq_len, d_model)
