"""Catches: 100% replaced by the mask token — no 10% random, no 10% unchanged."""
import torch


def mask_tokens(input_ids, mask_token_id, vocab_size, special_token_ids, mlm_probability=0.15, generator=None):
    device, shape = input_ids.device, input_ids.shape
    special = torch.zeros(shape, dtype=torch.bool, device=device)
    for t in special_token_ids:
        special |= input_ids == t
    selected = (torch.rand(shape, generator=generator, device=device) < mlm_probability) & ~special
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    inputs = input_ids.clone()
    inputs[selected] = mask_token_id
    return inputs, labels
