"""Catches: wrong 80/10/10 split — the random token is drawn with probability 0.1 of the remaining 20%, i.e. 2% instead of 10%."""
import torch


def mask_tokens(input_ids, mask_token_id, vocab_size, special_token_ids, mlm_probability=0.15, generator=None):
    device, shape = input_ids.device, input_ids.shape
    special = torch.zeros(shape, dtype=torch.bool, device=device)
    for t in special_token_ids:
        special |= input_ids == t
    selected = (torch.rand(shape, generator=generator, device=device) < mlm_probability) & ~special
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    to_mask = selected & (torch.rand(shape, generator=generator, device=device) < 0.8)
    to_random = selected & ~to_mask & (torch.rand(shape, generator=generator, device=device) < 0.1)
    random_ids = torch.randint(vocab_size, shape, generator=generator, device=device)
    inputs = input_ids.clone()
    inputs[to_mask] = mask_token_id
    inputs[to_random] = random_ids[to_random]
    return inputs, labels
