"""Catches: argmax over the wrong position, variant: the model is run once on the prompt and its positions' argmaxes are read off (no feedback of generated tokens)."""
import torch


def causal_mask(seq_len):
    return torch.tril(torch.ones(seq_len, seq_len, dtype=torch.bool))


@torch.no_grad()
def greedy_generate(model, input_ids, max_new_tokens):
    logits = model(input_ids)                       # one forward pass only
    last = logits[:, -1, :].argmax(dim=-1, keepdim=True)
    new = last.repeat(1, max_new_tokens)            # the same token over and over
    return torch.cat([input_ids, new], dim=1)
