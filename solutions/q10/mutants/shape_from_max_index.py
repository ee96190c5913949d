"""Catches: wrong shape — the number of rows is taken from the largest index seen, not num_embeddings."""
import torch


def embedding_backward(indices, grad_output, num_embeddings):
    dim = grad_output.shape[-1]
    flat = indices.reshape(-1)
    rows = int(flat.max()) + 1 if flat.numel() else 0
    grad_weight = torch.zeros(rows, dim, dtype=grad_output.dtype, device=grad_output.device)
    grad_weight.index_add_(0, flat, grad_output.reshape(-1, dim))
    return grad_weight
