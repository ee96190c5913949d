"""Hidden suite for q06, BERT masked-LM masking.

The statistical checks use one batch of 200,000 tokens (about 190,000 eligible, about 28,500 selected at
p = 0.15). Every bound below is at least 10 standard errors wide, so a correct answer — Bernoulli draws or an
exact count per row — never fails, while the wrong splits the catalog lists are far outside.
"""
import pytest
import torch

from grader.testing import assert_equal, check_tensor

CLS, SEP, PAD, MASK = 101, 102, 0, 103
SPECIAL = [PAD, CLS, SEP]
VOCAB = 1000


def batch(device, rows=400, cols=500, seed=0):
    """BERT-like rows: [CLS] tokens... [SEP] [PAD]...; ordinary tokens are ids 104..999."""
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(104, VOCAB, (rows, cols), generator=g)
    lengths = torch.randint(cols // 2, cols + 1, (rows,), generator=g)
    pos = torch.arange(cols)[None, :]
    ids[:, 0] = CLS
    ids[pos == (lengths[:, None] - 1)] = SEP
    ids[pos >= lengths[:, None]] = PAD
    return ids.to(device)


def call(submission, ids, p=None, special=SPECIAL, seed=0, vocab=VOCAB, kind="list"):
    """Run mask_tokens with a seeded generator on the input's device (p=None: the default);
    `kind` says whether special_token_ids is passed as a list, tuple or set (built in the kernel: sets
    cannot cross the wire)."""
    probe = """
import torch
def probe(sub, ids, mask_id, vocab, special, p, seed, kind):
    special = {"list": list, "tuple": tuple, "set": set}[kind](special)
    g = torch.Generator(device=ids.device).manual_seed(seed)
    if p is None:
        return sub.mask_tokens(ids, mask_id, vocab, special, generator=g)
    return sub.mask_tokens(ids, mask_id, vocab, special, mlm_probability=p, generator=g)
"""
    inputs, labels = submission.probe(probe, ids, MASK, vocab, list(special), p, seed, kind)
    return inputs, labels


def as_cpu(*ts):
    return [t.detach().cpu() for t in ts]


@pytest.mark.points(1)
def test_shapes_dtypes_device(submission, device):
    """inputs and labels are int64 tensors with the shape and device of input_ids (any shape)"""
    for shape in ((2, 9), (17,), (2, 3, 5)):
        ids = torch.randint(104, VOCAB, shape, device=device)
        inputs, labels = call(submission, ids, p=0.5)
        for out, name in ((inputs, "inputs"), (labels, "labels")):
            check_tensor(out, f"{name} for input_ids of shape {shape}", shape=shape, dtype=torch.int64,
                         device=device)


@pytest.mark.points(2)
def test_labels_and_unselected_positions(submission, device):
    """labels hold the original id at selected positions and -100 elsewhere; unselected tokens are unchanged"""
    ids = batch(device)
    inputs, labels = as_cpu(*call(submission, ids))
    ids = ids.cpu()
    selected = labels != -100
    assert selected.any(), "no position has a label other than -100: nothing was selected"
    assert_equal(labels[selected], ids[selected], "labels at the selected positions (the original token ids)")
    changed = inputs != ids
    assert not bool((changed & ~selected).any()), (
        f"{int((changed & ~selected).sum())} tokens were changed in inputs although their label is -100 "
        "(not selected)")


@pytest.mark.points(2)
def test_selection_rate(submission, device):
    """about mlm_probability of the non-special tokens are selected (default 0.15, and 0.4)"""
    ids = batch(device)
    eligible = ~torch.isin(ids.cpu(), torch.tensor(SPECIAL))
    for p in (None, 0.4):
        _, labels = as_cpu(*call(submission, ids, p=p))
        want = 0.15 if p is None else p
        rate = (labels[eligible] != -100).double().mean().item()
        what = "with the default mlm_probability" if p is None else f"with mlm_probability={p}"
        assert abs(rate - want) < 0.01, (
            f"{what}, {rate:.3f} of the non-special tokens were selected (label != -100); expected about {want}")


@pytest.mark.points(2)
def test_special_tokens_never_selected(submission, device):
    """special tokens are never selected nor changed, even with mlm_probability=1 (and the list may be a tuple or set)"""
    ids = batch(device, rows=50, cols=80, seed=3)
    special_pos = torch.isin(ids.cpu(), torch.tensor(SPECIAL))
    for p, kind in ((0.15, "list"), (1.0, "tuple"), (0.5, "set")):
        inputs, labels = as_cpu(*call(submission, ids, p=p, kind=kind))
        n_labelled = int((labels[special_pos] != -100).sum())
        assert n_labelled == 0, f"with mlm_probability={p}, {n_labelled} special tokens got a label (were selected)"
        n_changed = int((inputs[special_pos] != ids.cpu()[special_pos]).sum())
        assert n_changed == 0, f"with mlm_probability={p}, {n_changed} special tokens were changed in inputs"
    # with p = 1 every ordinary token is selected
    _, labels = as_cpu(*call(submission, ids, p=1.0))
    assert bool((labels[~special_pos] != -100).all()), (
        "with mlm_probability=1, some non-special tokens were not selected")


@pytest.mark.points(2)
def test_80_10_10_split(submission, device):
    """of the selected tokens about 80% become the mask token, 10% a random token, 10% stay unchanged"""
    ids = batch(device)
    inputs, labels = as_cpu(*call(submission, ids))
    ids = ids.cpu()
    selected = labels != -100
    n = int(selected.sum())
    assert n > 1000, f"only {n} tokens were selected out of {ids.numel()}"
    new, old = inputs[selected], ids[selected]
    masked = (new == MASK).double().mean().item()
    unchanged = (new == old).double().mean().item()
    randomised = ((new != MASK) & (new != old)).double().mean().item()
    assert abs(masked - 0.8) < 0.03, f"{masked:.3f} of the selected tokens became the mask token; expected about 0.8"
    assert abs(randomised - 0.1) < 0.025, (
        f"{randomised:.3f} of the selected tokens became a random token; expected about 0.1")
    assert abs(unchanged - 0.1) < 0.025, f"{unchanged:.3f} of the selected tokens were left unchanged; expected about 0.1"


@pytest.mark.points(1)
def test_random_tokens_span_vocabulary(submission, device):
    """random replacements are ids in [0, vocab_size), spread over the vocabulary"""
    ids = batch(device)
    inputs, labels = as_cpu(*call(submission, ids, p=0.5))
    ids = ids.cpu()
    assert bool(((inputs >= 0) & (inputs < VOCAB)).all()), (
        f"inputs contains ids outside [0, vocab_size) with vocab_size={VOCAB}")
    selected = labels != -100
    random_ids = inputs[selected & (inputs != MASK) & (inputs != ids)]
    distinct = int(random_ids.unique().numel())
    # about 9,500 uniform draws over 1,000 ids: practically every id appears
    assert distinct >= 800, (
        f"the random replacements use only {distinct} distinct ids of a vocabulary of {VOCAB}; "
        "draw them uniformly from [0, vocab_size)")


@pytest.mark.points(1)
def test_probability_zero(submission, device):
    """mlm_probability=0 selects nothing: all labels are -100 and inputs equals input_ids"""
    ids = batch(device, rows=20, cols=30, seed=5)
    inputs, labels = as_cpu(*call(submission, ids, p=0.0))
    assert bool((labels == -100).all()), "with mlm_probability=0, some labels are not -100"
    assert_equal(inputs, ids.cpu(), "inputs with mlm_probability=0")


@pytest.mark.points(1)
def test_input_not_modified(submission, device):
    """input_ids is not modified in place"""
    probe = """
import torch
def probe(sub, ids):
    before = ids.clone()
    g = torch.Generator(device=ids.device).manual_seed(0)
    sub.mask_tokens(ids, 103, 1000, [0, 101, 102], mlm_probability=0.5, generator=g)
    return before, ids
"""
    before, after = submission.probe(probe, batch(device, rows=20, cols=40, seed=7))
    assert torch.equal(before, after), "mask_tokens changed input_ids in place"


@pytest.mark.points(1)
def test_generator_controls_randomness(submission, device):
    """randomness comes from `generator`: equal seeds give equal outputs, other seeds other outputs"""
    ids = batch(device, rows=20, cols=40, seed=9)
    a = as_cpu(*call(submission, ids, p=0.3, seed=42))
    b = as_cpu(*call(submission, ids, p=0.3, seed=42))
    c = as_cpu(*call(submission, ids, p=0.3, seed=43))
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1]), (
        "two calls with generators seeded alike gave different results")
    assert not (torch.equal(a[0], c[0]) and torch.equal(a[1], c[1])), (
        "generators with different seeds gave the same result")
