"""Hidden suite for q30, an LSTM text classifier in Keras.

The toy task is generated here: sequences of filler tokens containing token 1 and token 2 once each;
the label is 1 when token 1 comes before token 2. A bag-of-words model stays at chance; an LSTM learns
it within the epoch budget. Training labels go into the kernel, the held-out labels stay here.
"""
import numpy as np
import pytest

EPOCHS, BATCH_SIZE, MIN_ACCURACY = 8, 64, 0.9
VOCAB, SEQ_LEN, N_TRAIN, N_TEST = 12, 16, 1600, 500

INSPECT = """
import numpy as np
import tensorflow as tf
def probe(sub, kwargs, x):
    tf.keras.utils.set_random_seed(0)
    model = sub.build_text_classifier(**kwargs)
    info = {"is_model": isinstance(model, tf.keras.Model), "type": type(model).__name__}
    if not info["is_model"]:
        return info
    info["compiled"] = bool(getattr(model, "compiled", False)) and model.optimizer is not None
    info["has_loss"] = getattr(model, "loss", None) is not None
    info["out"] = np.asarray(model.predict(x, verbose=0), dtype=np.float64)
    info["params"] = int(model.count_params())
    return info
"""

TRAIN = """
import numpy as np
import tensorflow as tf
def probe(sub, vocab_size, X_train, y_train, X_test, epochs, batch_size):
    tf.keras.utils.set_random_seed(0)
    model = sub.build_text_classifier(vocab_size, 2)
    model.fit(X_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    return np.asarray(model.predict(X_test, verbose=0), dtype=np.float64)
"""


def tokens(n, seq_len, vocab_size, seed):
    return np.random.default_rng(seed).integers(1, vocab_size, size=(n, seq_len)).astype(np.int32)


def order_task(n, rng):
    X = rng.integers(3, VOCAB, size=(n, SEQ_LEN))
    for row in X:
        a, b = rng.choice(SEQ_LEN, 2, replace=False)
        row[a], row[b] = 1, 2
    y = (np.argmax(X == 1, axis=1) < np.argmax(X == 2, axis=1)).astype(np.int64)
    return X.astype(np.int32), y


def inspect(submission, x, *args, **kwargs):
    kwargs = dict(zip(("vocab_size", "num_classes"), args), **kwargs)
    info = submission.probe(INSPECT, kwargs, x)
    call = "build_text_classifier(" + ", ".join(f"{k}={v!r}" for k, v in kwargs.items()) + ")"
    assert info["is_model"], f"{call} should return a tf.keras.Model, got {info['type']}"
    return info, call


@pytest.mark.points(1)
def test_returns_compiled_model(submission):
    """returns a compiled tf.keras.Model (optimizer and loss set)"""
    info, call = inspect(submission, tokens(3, 6, 20, 0), 20, 2)
    assert info["compiled"], f"{call} returned a model that is not compiled; call model.compile(...) before returning it"
    assert info["has_loss"], f"{call} returned a model compiled without a loss"


@pytest.mark.points(2)
def test_outputs_probabilities(submission):
    """output is (batch, num_classes) class probabilities, for several num_classes and sequence lengths"""
    for (vocab_size, num_classes), (n, seq_len) in (((50, 5), (4, 7)), ((200, 3), (3, 11)), ((30, 2), (6, 1))):
        x = tokens(n, seq_len, vocab_size, seed=n)
        info, call = inspect(submission, x, vocab_size, num_classes)
        out = info["out"]
        where = f"{call}.predict on token ids of shape {x.shape}"
        assert out.ndim == 2 and out.shape == (n, num_classes), (
            f"{where} returned shape {out.shape}, expected {(n, num_classes)}")
        assert np.isfinite(out).all(), f"{where} returned NaN or inf"
        assert (out >= -1e-6).all() and np.allclose(out.sum(axis=1), 1.0, atol=1e-4), (
            f"{where} should return probabilities (non-negative, each row summing to 1); "
            f"row sums range from {out.sum(axis=1).min():.3g} to {out.sum(axis=1).max():.3g}")


@pytest.mark.points(1)
def test_embed_dim_and_units_used(submission):
    """embed_dim and units change the model (its parameter count grows with each)"""
    x = tokens(2, 5, 40, 1)
    sizes = {}
    for embed_dim, units in ((8, 8), (24, 8), (8, 24)):
        info, call = inspect(submission, x, 40, 3, embed_dim=embed_dim, units=units)
        sizes[(embed_dim, units)] = info["params"]
    assert sizes[(24, 8)] > sizes[(8, 8)], "a larger embed_dim did not make the model larger; pass embed_dim to the Embedding layer"
    assert sizes[(8, 24)] > sizes[(8, 8)], "a larger units did not make the model larger; pass units to the LSTM layer"


@pytest.mark.points(4)
def test_learns_order_task(submission):
    """learns a hidden toy task that depends on token order to at least 90% accuracy in 8 epochs"""
    rng = np.random.default_rng(30)
    X_train, y_train = order_task(N_TRAIN, rng)
    X_test, y_test = order_task(N_TEST, rng)
    out = submission.probe(TRAIN, VOCAB, X_train, y_train, X_test, EPOCHS, BATCH_SIZE)
    call = f"build_text_classifier({VOCAB}, 2)"
    assert out.ndim == 2 and out.shape == (N_TEST, 2), (
        f"after training, {call}.predict on {N_TEST} sequences returned shape {out.shape}, expected {(N_TEST, 2)}")
    accuracy = float((out.argmax(axis=1) == y_test).mean())
    assert accuracy >= MIN_ACCURACY, (
        f"accuracy on held-out sequences is {accuracy:.3f} after {EPOCHS} epochs (batch size {BATCH_SIZE}); "
        f"at least {MIN_ACCURACY} is needed")
