"""Catches: input mutated — the mask token and random ids are written into input_ids itself."""
import torch


def mask_tokens(input_ids, mask_token_id, vocab_size, special_token_ids, mlm_probability=0.15, generator=None):
    device, shape = input_ids.device, input_ids.shape
    special = torch.zeros(shape, dtype=torch.bool, device=device)
    for t in special_token_ids:
        special |= input_ids == t
    selected = (torch.rand(shape, generator=generator, device=device) < mlm_probability) & ~special
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    u = torch.rand(shape, generator=generator, device=device)
    to_mask = selected & (u < 0.8)
    to_random = selected & (u >= 0.8) & (u < 0.9)
    random_ids = torch.randint(vocab_size, shape, generator=generator, device=device)
    inputs = input_ids
    inputs[to_mask] = mask_token_id
    inputs[to_random] = random_ids[to_random]
    return inputs, labels
