"""Catches: assignment instead of accumulation — grad_weight[indices] += grad_output is a buffered assignment, so repeats are lost."""
import torch


def embedding_backward(indices, grad_output, num_embeddings):
    dim = grad_output.shape[-1]
    grad_weight = torch.zeros(num_embeddings, dim, dtype=grad_output.dtype, device=grad_output.device)
    grad_weight[indices.reshape(-1)] += grad_output.reshape(-1, dim)
    return grad_weight
