"""Helpers for hidden suites: comparisons whose failure messages speak the learner's language
("output shape (2, 5, 4), expected (2, 5, 8)") without revealing the expected values.

Tolerances follow the dtype of the learner's output, so float32 and float64 answers both pass.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from .bridge import raises  # noqa: F401 - re-exported for suites

TOLERANCES = {"float16": (1e-2, 1e-2), "bfloat16": (2e-2, 2e-2), "float32": (1e-4, 1e-5),
              "float64": (1e-7, 1e-9)}


def to_numpy(x: Any) -> np.ndarray:
    """Plain ndarray (float64 for floating input) from a tensor, array, list or scalar."""
    if hasattr(x, "detach"):
        x = x.detach().to("cpu")
        if str(x.dtype) == "torch.bfloat16":
            x = x.float()
        x = x.numpy()
    arr = np.asarray(x)
    return arr.astype(np.float64) if arr.dtype.kind == "f" else arr


def dtype_name(x: Any) -> str:
    return str(getattr(x, "dtype", type(x).__name__)).replace("torch.", "")


def tolerance(x: Any) -> tuple[float, float]:
    return TOLERANCES.get(dtype_name(x), TOLERANCES["float32"])


def check_tensor(actual: Any, what: str, *, shape: tuple[int, ...] | None = None,
                 dtype: Any = None, device: str | None = None) -> None:
    """`actual` is a torch tensor with the given shape, dtype and device (each optional)."""
    import torch

    assert isinstance(actual, torch.Tensor), f"{what} should be a torch.Tensor, got {type(actual).__name__}"
    if shape is not None:
        assert tuple(actual.shape) == tuple(shape), f"{what} has shape {tuple(actual.shape)}, expected {tuple(shape)}"
    if dtype is not None:
        assert actual.dtype == dtype, f"{what} has dtype {dtype_name(actual)}, expected {dtype_name(torch.empty(0, dtype=dtype))}"
    if device is not None:
        assert actual.device.type == torch.device(device).type, (
            f"{what} is on {actual.device.type}, expected it on the input's device ({torch.device(device).type})")


def assert_close(actual: Any, expected: Any, what: str, *, rtol: float | None = None,
                 atol: float | None = None) -> None:
    """Values of `actual` match `expected` within tolerances chosen from `actual`'s dtype."""
    a, e = to_numpy(actual), to_numpy(expected)
    assert a.shape == e.shape, f"{what} has shape {a.shape}, expected {e.shape}"
    if a.dtype.kind in "fc" and not np.isfinite(a).all() and np.isfinite(e).all():
        bad = int((~np.isfinite(a)).sum())
        raise AssertionError(f"{what} contains {bad} NaN/inf value(s)")
    dr, da = tolerance(actual)
    rtol, atol = rtol if rtol is not None else dr, atol if atol is not None else da
    if not np.allclose(a, e, rtol=rtol, atol=atol, equal_nan=True):
        diff = np.abs(a.astype(np.float64) - e.astype(np.float64))
        diff = np.where(np.isnan(diff), np.inf, diff)
        where = np.unravel_index(int(np.argmax(diff)), diff.shape) if diff.ndim else ()
        raise AssertionError(f"{what} is wrong: {int((diff > atol + rtol * np.abs(e)).sum())} of {a.size} "
                             f"values differ, the largest by {float(diff.max()):.3g} at index {tuple(int(i) for i in where)}")


def assert_equal(actual: Any, expected: Any, what: str) -> None:
    """Exact equality of arrays/tensors/lists (integers, booleans, labels)."""
    a, e = np.asarray(to_numpy(actual)), np.asarray(to_numpy(expected))
    assert a.shape == e.shape, f"{what} has shape {a.shape}, expected {e.shape}"
    if not np.array_equal(a, e):
        raise AssertionError(f"{what} is wrong: {int((a != e).sum())} of {a.size} entries differ")
