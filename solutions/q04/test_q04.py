"""Hidden suite for q04, causal mask and greedy decoding."""
import pytest
import torch

from grader.testing import assert_equal, check_tensor

# A tiny deterministic causal "language model". Its weights come from the grader as tensors; the
# same class runs in the learner's kernel (inside probes) and here (for the reference decoding).
# Position t's logits depend on every token up to t (a running mean) and on the position itself, so
# reading the wrong position, or not feeding back the generated tokens, changes the tokens produced.
MODEL_SRC = '''
import torch

class TinyCausalLM(torch.nn.Module):
    def __init__(self, emb, pos, out):
        super().__init__()
        self.emb = torch.nn.Parameter(emb)   # (vocab, d)
        self.pos = torch.nn.Parameter(pos)   # (max_len, d)
        self.out = torch.nn.Parameter(out)   # (d, vocab)

    def forward(self, ids):
        if ids.dim() != 2:
            raise ValueError(f"the model expects ids of shape (batch, seq), got {tuple(ids.shape)}")
        seq = ids.shape[1]
        h = self.emb[ids] + self.pos[:seq]                                   # (batch, seq, d)
        count = torch.arange(1, seq + 1, device=ids.device, dtype=h.dtype)[:, None]
        history = h.cumsum(dim=1) / count                                    # causal running mean
        return (torch.tanh(history) + 0.5 * h) @ self.out                    # (batch, seq, vocab)
'''

PROBE = MODEL_SRC + '''
def probe(sub, emb, pos, out, ids, max_new_tokens):
    model = TinyCausalLM(emb, pos, out)
    before = ids.clone()
    result = sub.greedy_generate(model, ids, max_new_tokens)
    return result, before, ids
'''

_ns: dict = {}
exec(MODEL_SRC, _ns)
TinyCausalLM = _ns["TinyCausalLM"]


def make_weights(vocab, d=8, max_len=64, dtype=torch.float64, device="cpu", seed=0):
    g = torch.Generator().manual_seed(seed)
    emb = torch.randn(vocab, d, generator=g, dtype=torch.float64)
    pos = torch.randn(max_len, d, generator=g, dtype=torch.float64)
    out = torch.randn(d, vocab, generator=g, dtype=torch.float64) * 2
    return tuple(t.to(device=device, dtype=dtype) for t in (emb, pos, out))


@torch.no_grad()
def reference_generate(weights, ids, max_new_tokens):
    model = TinyCausalLM(*(w.cpu() for w in weights))
    ids = ids.cpu()
    for _ in range(max_new_tokens):
        ids = torch.cat([ids, model(ids)[:, -1].argmax(-1, keepdim=True)], dim=1)
    return ids


def run(submission, weights, ids, max_new_tokens):
    return submission.probe(PROBE, *weights, ids, max_new_tokens)


# --- causal_mask -------------------------------------------------------------------------------

@pytest.mark.points(1)
def test_causal_mask_shape_dtype(submission):
    """causal_mask(n) is a boolean tensor of shape (n, n)"""
    for n in (1, 4, 9):
        check_tensor(submission.causal_mask(n), f"causal_mask({n})", shape=(n, n), dtype=torch.bool)


@pytest.mark.points(2)
def test_causal_mask_values(submission):
    """causal_mask(n)[i, j] is True exactly when j <= i (lower triangle with the diagonal)"""
    for n in (1, 2, 5, 16):
        mask = submission.causal_mask(n)
        check_tensor(mask, f"causal_mask({n})", shape=(n, n))
        mask = mask.cpu().bool()
        expected = torch.ones(n, n, dtype=torch.bool).tril()
        if n > 1 and torch.equal(mask, expected.T):
            raise AssertionError(f"causal_mask({n}) is upper-triangular: True must mean 'may attend', "
                                 "so query i sees keys 0..i (the past), not the future")
        assert bool(mask.diagonal().all()), (
            f"causal_mask({n}) has False on the diagonal: a position may attend to itself")
        assert not bool(mask.triu(1).any()), f"causal_mask({n}) lets a query attend to a later key"
        assert_equal(mask, expected, f"causal_mask({n})")


# --- greedy_generate ---------------------------------------------------------------------------

@pytest.mark.points(1)
def test_greedy_shape_dtype_prompt(submission, device):
    """greedy_generate returns int64 (batch, seq + max_new_tokens) that starts with the prompt"""
    weights = make_weights(vocab=13, device=device)
    ids = torch.randint(0, 13, (3, 5), device=device)
    out, _, _ = run(submission, weights, ids, 4)
    check_tensor(out, "greedy_generate(model, input_ids of shape (3, 5), 4)", shape=(3, 9),
                 dtype=torch.int64, device=device)
    assert_equal(out[:, :5].cpu(), ids.cpu(), "the first seq columns of the output (the prompt)")


@pytest.mark.points(3)
def test_greedy_tokens(submission, device):
    """each new token is the argmax of the model's logits at the last position (several batches and lengths)"""
    cases = [(2, 3, 6, 11, 1), (4, 1, 5, 7, 2), (1, 8, 10, 29, 3)]  # batch, seq, new, vocab, seed
    for batch, seq, new, vocab, seed in cases:
        weights = make_weights(vocab=vocab, device=device, seed=seed)
        g = torch.Generator().manual_seed(100 + seed)
        ids = torch.randint(0, vocab, (batch, seq), generator=g).to(device)
        out, _, _ = run(submission, weights, ids, new)
        what = f"greedy_generate on a prompt of shape ({batch}, {seq}) with max_new_tokens={new}"
        check_tensor(out, what, shape=(batch, seq + new))
        assert_equal(out.cpu(), reference_generate(weights, ids, new), f"the tokens of {what}")


@pytest.mark.points(1)
def test_greedy_float32_model(submission, device):
    """works with a float32 model and a single-token prompt"""
    weights = make_weights(vocab=17, dtype=torch.float32, device=device, seed=7)
    ids = torch.tensor([[3], [11]], device=device)
    out, _, _ = run(submission, weights, ids, 6)
    what = "greedy_generate with a float32 model, prompt of shape (2, 1), max_new_tokens=6"
    check_tensor(out, what, shape=(2, 7), dtype=torch.int64, device=device)
    assert_equal(out.cpu(), reference_generate(weights, ids, 6), f"the tokens of {what}")


@pytest.mark.points(1)
def test_greedy_zero_new_tokens(submission, device):
    """max_new_tokens=0 returns the prompt"""
    weights = make_weights(vocab=9, device=device)
    ids = torch.randint(0, 9, (2, 4), device=device)
    out, _, _ = run(submission, weights, ids, 0)
    check_tensor(out, "greedy_generate(model, input_ids of shape (2, 4), 0)", shape=(2, 4), device=device)
    assert_equal(out.cpu(), ids.cpu(), "greedy_generate(model, input_ids, 0)")


@pytest.mark.points(1)
def test_input_not_modified(submission, device):
    """input_ids is not modified in place"""
    weights = make_weights(vocab=12, device=device, seed=5)
    ids = torch.randint(0, 12, (3, 4), device=device)
    _, before, after = run(submission, weights, ids, 5)
    assert torch.equal(before.cpu(), after.cpu()), "greedy_generate changed input_ids in place"
