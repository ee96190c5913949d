"""A correct answer in another style (close to Hugging Face's DataCollatorForLanguageModeling): a probability
matrix and torch.bernoulli, torch.isin for the special tokens, chained torch.where, and random ids drawn
from the non-special part of the vocabulary only."""
import torch


def mask_tokens(input_ids, mask_token_id, vocab_size, special_token_ids, mlm_probability=0.15, generator=None):
    device = input_ids.device
    special_list = sorted(set(int(t) for t in special_token_ids))
    special = torch.isin(input_ids, torch.tensor(special_list, dtype=input_ids.dtype, device=device))

    probs = torch.full(input_ids.shape, float(mlm_probability), device=device)
    probs = probs.masked_fill(special, 0.0)
    selected = torch.bernoulli(probs, generator=generator).bool()
    labels = input_ids.masked_fill(~selected, -100)

    replaced = torch.bernoulli(torch.full(input_ids.shape, 0.8, device=device), generator=generator).bool() & selected
    randomised = (torch.bernoulli(torch.full(input_ids.shape, 0.5, device=device), generator=generator).bool()
                  & selected & ~replaced)

    allowed = torch.tensor([i for i in range(vocab_size) if i not in special_list], device=device)
    pick = torch.randint(len(allowed), input_ids.shape, generator=generator, device=device)
    random_ids = allowed[pick].to(input_ids.dtype)

    inputs = torch.where(replaced, torch.full_like(input_ids, mask_token_id), input_ids)
    inputs = torch.where(randomised, random_ids, inputs)
    return inputs, labels
