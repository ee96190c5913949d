"""Catches: argmax over the wrong position — the logits of the first position are used instead of the last."""
import torch


def causal_mask(seq_len):
    return torch.tril(torch.ones(seq_len, seq_len, dtype=torch.bool))


@torch.no_grad()
def greedy_generate(model, input_ids, max_new_tokens):
    ids = input_ids.clone()
    for _ in range(max_new_tokens):
        next_id = model(ids)[:, 0, :].argmax(dim=-1, keepdim=True)
        ids = torch.cat([ids, next_id], dim=1)
    return ids
