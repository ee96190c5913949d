"""Hidden suite for q31, a small CNN on the 8x8 digits (TensorFlow/Keras).

The learner's model lives in the kernel; every check runs in a probe that builds it there and returns
NumPy data. The hidden test labels stay here: only the test images are sent.
"""
import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

EPOCHS, BATCH_SIZE, MIN_ACCURACY, MAX_PARAMS = 15, 64, 0.95, 50_000

INSPECT = """
import numpy as np
import tensorflow as tf
def probe(sub, kwargs, x):
    tf.keras.utils.set_random_seed(0)
    model = sub.build_cnn(**kwargs)
    info = {"is_model": isinstance(model, tf.keras.Model), "type": type(model).__name__}
    if not info["is_model"]:
        return info
    info["compiled"] = bool(getattr(model, "compiled", False)) and model.optimizer is not None
    info["has_loss"] = getattr(model, "loss", None) is not None
    if x is None:  # predict once first: a model without an Input layer is built by its first call
        x = np.zeros((1, *kwargs.get("input_shape", (8, 8, 1))), np.float32)
    info["out"] = np.asarray(model.predict(x, verbose=0), dtype=np.float64)
    info["params"] = int(model.count_params())
    return info
"""

TRAIN = """
import numpy as np
import tensorflow as tf
def probe(sub, X_train, y_train, X_test, epochs, batch_size):
    tf.keras.utils.set_random_seed(0)
    model = sub.build_cnn(input_shape=(8, 8, 1), num_classes=10)
    model.fit(X_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    return np.asarray(model.predict(X_test, verbose=0), dtype=np.float64)
"""

def images(n, shape, seed=0):
    return np.random.default_rng(seed).random((n, *shape)).astype(np.float32)

def inspect(submission, x=None, **kwargs):
    info = submission.probe(INSPECT, kwargs, x)
    call = "build_cnn(" + ", ".join(f"{k}={v!r}" for k, v in kwargs.items()) + ")"
    assert info["is_model"], f"{call} should return a tf.keras.Model, got {info['type']}"
    return info, call

def check_probabilities(out, call, n, num_classes):
    assert out is not None and out.ndim == 2, f"{call}.predict(...) should return a 2-D array (batch, num_classes)"
    assert out.shape == (n, num_classes), (
        f"{call}.predict on a batch of {n} returned shape {out.shape}, expected {(n, num_classes)}")
    assert np.isfinite(out).all(), f"{call}.predict returned NaN or inf"
    assert (out >= -1e-6).all() and np.allclose(out.sum(axis=1), 1.0, atol=1e-4), (
        f"{call}.predict should return probabilities (non-negative, each row summing to 1); "
        f"row sums range from {out.sum(axis=1).min():.3g} to {out.sum(axis=1).max():.3g}")

@pytest.mark.points(1)
def test_returns_compiled_model(submission):
    """returns a compiled tf.keras.Model (optimizer and loss set)"""
    info, call = inspect(submission)
    assert info["compiled"], f"{call} returned a model that is not compiled; call model.compile(...) before returning it"
    assert info["has_loss"], f"{call} returned a model compiled without a loss"

@pytest.mark.points(1)
def test_outputs_probabilities(submission):
    """output is (batch, num_classes) class probabilities, for the default and other num_classes"""
    for kwargs, n in (({}, 7), ({"num_classes": 4}, 3)):
        info, call = inspect(submission, images(n, (8, 8, 1)), **kwargs)
        check_probabilities(info["out"], call, n, kwargs.get("num_classes", 10))

@pytest.mark.points(1)
def test_channel_axis(submission):
    """accepts channels-last images (batch, height, width, channels) of the given input_shape"""
    for kwargs, n in (({"input_shape": (8, 8, 1)}, 5), ({"input_shape": (12, 12, 3), "num_classes": 5}, 4)):
        info, call = inspect(submission, images(n, kwargs["input_shape"], seed=n), **kwargs)
        check_probabilities(info["out"], call, n, kwargs.get("num_classes", 10))

@pytest.mark.points(1)
def test_parameter_budget(submission):
    """at most 50,000 parameters with the default arguments"""
    info, call = inspect(submission)
    assert info["params"] <= MAX_PARAMS, f"{call} has {info['params']:,} parameters, more than {MAX_PARAMS:,}"

@pytest.mark.points(4)
def test_accuracy_on_hidden_split(submission):
    """reaches at least 95% accuracy on a hidden split of load_digits after 15 epochs"""
    X, y = load_digits(return_X_y=True)
    X = (X / 16.0).reshape(-1, 8, 8, 1).astype(np.float32)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=31, stratify=y)
    out = submission.probe(TRAIN, X_train, y_train.astype(np.int64), X_test, EPOCHS, BATCH_SIZE)
    call = "build_cnn()"
    assert out.ndim == 2 and out.shape == (len(X_test), 10), (
        f"after training, {call}.predict on {len(X_test)} test images returned shape {out.shape}, "
        f"expected {(len(X_test), 10)}")
    accuracy = float((out.argmax(axis=1) == y_test).mean())
    assert accuracy >= MIN_ACCURACY, (
        f"accuracy on the hidden split is {accuracy:.3f} after {EPOCHS} epochs (batch size {BATCH_SIZE}); "
        f"at least {MIN_ACCURACY} is needed")
