"""Hidden suite for q16, bits per character of an add-alpha character n-gram model.

The expected values come from an independent implementation here (contexts as tuples with None as
the start symbol, NumPy for the logarithms), following the rules the card states.
"""
import math
import random

import numpy as np
import pytest

from grader.testing import assert_close

ENGLISH = ("a language model assigns a probability to every next character. an arithmetic coder turns "
           "those probabilities into bits: a character the model expected costs little, a surprise costs "
           "a lot. the better the model predicts the text, the shorter the compressed file. ")


def reference(train, test, n=3, alpha=1.0):
    vocab = set(train)
    size = len(vocab) + 1                      # + <unk>
    counts, totals = {}, {}
    history = (None,) * (n - 1)                # None = start symbol
    for ch in train:
        counts.setdefault(history, {}).setdefault(ch, 0)
        counts[history][ch] += 1
        totals[history] = totals.get(history, 0) + 1
        history = (history + (ch,))[1:] if n > 1 else ()
    logs = []
    history = (None,) * (n - 1)
    for ch in test:
        seen = counts.get(history, {})
        c = seen.get(ch, 0) if ch in vocab else 0
        logs.append((c + alpha) / (totals.get(history, 0) + alpha * size))
        history = (history + (ch,))[1:] if n > 1 else ()
    return float(-np.mean(np.log2(np.array(logs))))


def markov_text(length, alphabet, seed, order=2):
    """Text from a random sparse order-`order` Markov chain (so that n-gram models have something to learn)."""
    rng = random.Random(seed)
    table = {}
    out = list(rng.choice(alphabet) for _ in range(order))
    for _ in range(length - order):
        ctx = "".join(out[-order:])
        if ctx not in table:
            table[ctx] = rng.sample(alphabet, k=min(3, len(alphabet)))
        out.append(rng.choice(table[ctx]) if rng.random() < 0.9 else rng.choice(alphabet))
    return "".join(out)


def as_number(value, what):
    assert isinstance(value, (int, float, np.floating, np.integer)) or (
        hasattr(value, "shape") and getattr(value, "shape", None) == ()), (
        f"{what} should return a float, got {type(value).__name__}")
    return float(value)


@pytest.mark.points(1)
def test_returns_float(submission):
    """returns a single finite, positive number"""
    out = as_number(submission.bits_per_char(ENGLISH * 3, "the model predicts the next character."),
                    "bits_per_char")
    assert math.isfinite(out) and out > 0, f"bits_per_char returned {out}, expected a finite positive number"


@pytest.mark.points(3)
def test_matches_definition(submission):
    """equals the add-alpha n-gram cross-entropy in bits for n = 1..5 and several alphas"""
    cases = [(1, 1.0, "abcd"), (2, 0.5, "abcdef "), (3, 1.0, "abcdefgh "), (4, 0.1, "xyz "),
             (5, 2.0, "abcdefghij "), (3, 0.01, "ab")]
    for i, (n, alpha, alphabet) in enumerate(cases):
        train = markov_text(1500, list(alphabet), seed=10 + i)
        test = markov_text(300, list(alphabet), seed=100 + i)
        got = as_number(submission.bits_per_char(train, test, n=n, alpha=alpha), "bits_per_char")
        assert_close(got, reference(train, test, n, alpha),
                     f"bits_per_char on a {len(alphabet)}-symbol text with n={n}, alpha={alpha}", rtol=1e-9,
                     atol=1e-9)


@pytest.mark.points(1)
def test_defaults(submission):
    """the defaults are n=3, alpha=1.0 (called with the two texts only)"""
    train, test = ENGLISH * 4, "the better the model predicts the text, the fewer bits it needs."
    got = as_number(submission.bits_per_char(train, test), "bits_per_char(train_text, test_text)")
    assert_close(got, reference(train, test, 3, 1.0), "bits_per_char(train_text, test_text)", rtol=1e-9, atol=1e-9)


@pytest.mark.points(1)
def test_unseen_characters_and_contexts(submission):
    """characters and contexts never seen in training get smoothed, finite probabilities (<unk>)"""
    train = "aaaa bbbb abab baba " * 10
    for test, n in (("abcxyz!", 3), ("zzzz", 2), ("q", 1), ("ab ba Q", 4)):
        got = as_number(submission.bits_per_char(train, test, n=n, alpha=0.5), "bits_per_char")
        assert math.isfinite(got), (
            f"bits_per_char(train, {test!r}, n={n}) is {got}: unseen characters and contexts must get the "
            "add-alpha probability, never 0")
        assert_close(got, reference(train, test, n, 0.5), f"bits_per_char(train, {test!r}, n={n}, alpha=0.5)",
                     rtol=1e-9, atol=1e-9)


@pytest.mark.points(1)
def test_uniform_limit_is_log2_vocabulary(submission):
    """with a huge alpha every character costs log2|V| bits, |V| = training characters + 1"""
    for train, test in (("abcd", "dcbaxx"), ("hello world", "low")):
        size = len(set(train)) + 1
        got = as_number(submission.bits_per_char(train, test, n=2, alpha=1e12), "bits_per_char")
        assert_close(got, math.log2(size), f"bits_per_char({train!r}, {test!r}, n=2, alpha=1e12) "
                                           f"(a uniform model over {size} symbols)", rtol=1e-6, atol=1e-6)


@pytest.mark.points(1)
def test_counts_come_from_train_only(submission):
    """the test text never enters the counts or the vocabulary"""
    train = markov_text(2000, list("abcde "), seed=7)
    for test in ("fghij fghij fghij", markov_text(400, list("abcdefg "), seed=8)):
        got = as_number(submission.bits_per_char(train, test, n=3, alpha=1.0), "bits_per_char")
        assert_close(got, reference(train, test, 3, 1.0),
                     "bits_per_char on a test text with new characters (only the training text may be counted)",
                     rtol=1e-9, atol=1e-9)
