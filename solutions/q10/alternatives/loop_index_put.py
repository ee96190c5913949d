"""A correct answer in another style: a plain Python loop for small inputs, index_put_(accumulate=True) for large ones."""
import torch


def embedding_backward(indices, grad_output, num_embeddings):
    dim = grad_output.shape[-1]
    out = grad_output.new_zeros((num_embeddings, dim))
    if indices.numel() <= 64:  # small inputs: the loop a textbook would write
        for i, g in zip(indices.reshape(-1).tolist(), grad_output.reshape(-1, dim)):
            out[i] += g
        return out
    return out.index_put_((indices.reshape(-1),), grad_output.reshape(-1, dim), accumulate=True)
