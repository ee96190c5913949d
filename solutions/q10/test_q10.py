"""Hidden suite for q10, embedding backward (reference: autograd of torch.nn.functional.embedding)."""
import pytest
import torch
import torch.nn.functional as F

from grader.testing import assert_close, check_tensor


def reference(indices, grad_output, num_embeddings):
    weight = torch.zeros(num_embeddings, grad_output.shape[-1], dtype=torch.float64,
                         device=grad_output.device, requires_grad=True)
    F.embedding(indices, weight).backward(grad_output.double())
    return weight.grad


def check(submission, indices, grad_output, num_embeddings, what):
    out = submission.embedding_backward(indices, grad_output, num_embeddings)
    dim = grad_output.shape[-1]
    check_tensor(out, what, shape=(num_embeddings, dim), dtype=grad_output.dtype, device=grad_output.device.type)
    assert_close(out, reference(indices, grad_output, num_embeddings), what)


def describe(indices, grad_output, n):
    return (f"embedding_backward with indices of shape {tuple(indices.shape)}, {str(grad_output.dtype)[6:]} "
            f"grad_output of shape {tuple(grad_output.shape)}, num_embeddings={n}")


@pytest.mark.points(2)
def test_distinct_indices(submission, device):
    """each looked-up row receives its gradient; the others are zero (distinct indices)"""
    for n, m, dim, dtype in ((10, 4, 3, torch.float32), (50, 50, 8, torch.float64), (7, 1, 5, torch.float32)):
        indices = torch.randperm(n, device=device)[:m]
        grad = torch.randn(m, dim, dtype=dtype, device=device)
        check(submission, indices, grad, n, describe(indices, grad, n))


@pytest.mark.points(3)
def test_repeated_indices_accumulate(submission, device):
    """repeated indices add up their gradients (batches of sequences from a small vocabulary)"""
    for shape, n, dim, dtype in (((4, 9), 5, 6, torch.float32), ((2, 3, 8), 4, 2, torch.float64),
                                 ((64,), 3, 16, torch.float64), ((8, 32), 100, 4, torch.float32)):
        indices = torch.randint(0, n, shape, device=device)
        grad = torch.randn(*shape, dim, dtype=dtype, device=device)
        check(submission, indices, grad, n, describe(indices, grad, n))
    indices = torch.full((3, 4), 2, device=device)  # one index repeated everywhere
    grad = torch.randn(3, 4, 5, dtype=torch.float64, device=device)
    check(submission, indices, grad, 6, describe(indices, grad, 6) + " (all indices equal to 2)")


@pytest.mark.points(2)
def test_shape_is_vocabulary_size(submission, device):
    """the result has num_embeddings rows even when the largest rows are never used, or nothing is looked up"""
    indices = torch.tensor([[0, 1], [1, 0]], device=device)
    grad = torch.randn(2, 2, 3, device=device)
    check(submission, indices, grad, 10, describe(indices, grad, 10) + " (rows 2..9 never used)")
    empty = torch.zeros(0, dtype=torch.long, device=device)
    grad = torch.zeros(0, 4, dtype=torch.float64, device=device)
    check(submission, empty, grad, 3, describe(empty, grad, 3) + " (no lookups)")


@pytest.mark.points(1)
def test_inputs_not_modified(submission, device):
    """indices and grad_output are not modified in place"""
    probe = """
def probe(sub, indices, grad):
    i0, g0 = indices.clone(), grad.clone()
    sub.embedding_backward(indices, grad, 7)
    return bool((indices == i0).all() and (grad == g0).all())
"""
    indices = torch.randint(0, 7, (5, 6), device=device)
    grad = torch.randn(5, 6, 3, device=device)
    assert submission.probe(probe, indices, grad), "embedding_backward changed indices or grad_output in place"
