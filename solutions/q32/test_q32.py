"""Hidden suite for q32, GAN losses and one training step with tf.GradientTape.

Losses are compared with NumPy references of binary cross-entropy from logits. The training step runs
on tiny linear models built in the kernel with plain SGD, so one step's effect on every weight can be
computed exactly here and compared.
"""
import numpy as np
import pytest

from grader.testing import assert_close

RTOL, ATOL = 1e-4, 1e-5

LOSS = """
import numpy as np
import tensorflow as tf
def probe(sub, which, *arrays):
    args = [tf.constant(a) for a in arrays]
    value = sub.discriminator_loss(*args) if which == "d" else sub.generator_loss(*args)
    return np.asarray(value, dtype=np.float64)
"""

STEP = """
import numpy as np
import tensorflow as tf
def probe(sub, Wg, bg, wd, bd, real, noise, lr_g, lr_d):
    tf.keras.utils.set_random_seed(0)
    G = tf.keras.Sequential([tf.keras.Input((Wg.shape[0],)), tf.keras.layers.Dense(Wg.shape[1])])
    D = tf.keras.Sequential([tf.keras.Input((wd.shape[0],)), tf.keras.layers.Dense(1)])
    G.set_weights([Wg, bg])
    D.set_weights([wd, bd])
    g_opt = tf.keras.optimizers.SGD(learning_rate=lr_g)
    d_opt = tf.keras.optimizers.SGD(learning_rate=lr_d)
    out = sub.train_step(G, D, g_opt, d_opt, tf.constant(real), tf.constant(noise))
    info = {"type": type(out).__name__}
    if isinstance(out, dict):
        info["keys"] = sorted(str(k) for k in out)
        info["types"] = {str(k): type(v).__name__ for k, v in out.items()}
        info["floats"] = {str(k): isinstance(v, (float, np.floating)) for k, v in out.items()}
        values = {}
        for k, v in out.items():
            try:
                values[str(k)] = float(v)
            except Exception:
                values[str(k)] = None
        info["values"] = values
    return info, [np.asarray(w, np.float64) for w in G.get_weights()], [np.asarray(w, np.float64) for w in D.get_weights()]
"""


def softplus(x):
    return np.logaddexp(0.0, x)


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def ref_d_loss(real_logits, fake_logits):
    return softplus(-real_logits).mean() + softplus(fake_logits).mean()


def ref_g_loss(fake_logits):
    return softplus(-fake_logits).mean()


def loss_of(submission, which, *arrays):
    value = submission.probe(LOSS, which, *[a.astype(np.float32) for a in arrays])
    name = "discriminator_loss" if which == "d" else "generator_loss"
    assert value.shape == (), f"{name} should return a scalar (the mean over the batch), got shape {value.shape}"
    return value


CASES = [((16, 1), 1.0), ((7,), 3.0), ((32, 1), 0.3)]


@pytest.mark.points(2)
def test_discriminator_loss(submission):
    """discriminator_loss = mean BCE(1, real_logits) + mean BCE(0, fake_logits), from logits"""
    rng = np.random.default_rng(0)
    for shape, scale in CASES:
        real, fake = rng.normal(0.5, scale, shape), rng.normal(-0.5, scale, shape)
        out = loss_of(submission, "d", real, fake)
        assert_close(out, ref_d_loss(real.astype(np.float32).astype(np.float64), fake.astype(np.float32).astype(np.float64)),
                     f"discriminator_loss on logits of shape {shape}", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_generator_loss(submission):
    """generator_loss is the non-saturating loss mean BCE(1, fake_logits), from logits"""
    rng = np.random.default_rng(1)
    for shape, scale in CASES:
        fake = rng.normal(-1.0, scale, shape).astype(np.float32)
        out = loss_of(submission, "g", fake)
        assert_close(out, ref_g_loss(fake.astype(np.float64)), f"generator_loss on logits of shape {shape}",
                     rtol=RTOL, atol=ATOL)


@pytest.mark.points(1)
def test_losses_stable_for_large_logits(submission):
    """both losses stay finite and correct for logits of magnitude 100 and more"""
    real = np.array([[150.0], [-120.0], [3.0], [-200.0]])
    fake = np.array([[-150.0], [130.0], [-2.0], [200.0]])
    out = loss_of(submission, "d", real, fake)
    assert np.isfinite(out), "discriminator_loss is not finite for logits like ±150; compute it from the logits"
    assert_close(out, ref_d_loss(real, fake), "discriminator_loss on logits of magnitude up to 200", rtol=RTOL, atol=ATOL)
    out = loss_of(submission, "g", fake)
    assert np.isfinite(out), "generator_loss is not finite for logits like ±150; compute it from the logits"
    assert_close(out, ref_g_loss(fake), "generator_loss on logits of magnitude up to 200", rtol=RTOL, atol=ATOL)


def gan_problem(seed, n=12, z_dim=2, x_dim=3):
    rng = np.random.default_rng(seed)
    f32 = lambda a: np.asarray(a, np.float32)
    return dict(Wg=f32(rng.normal(0, 0.8, (z_dim, x_dim))), bg=f32(rng.normal(0, 0.5, x_dim)),
                wd=f32(rng.normal(0, 0.8, (x_dim, 1))), bd=f32(rng.normal(0, 0.5, 1)),
                real=f32(rng.normal(1.5, 1.0, (n, x_dim))), noise=f32(rng.normal(0, 1.0, (n, z_dim))),
                lr_g=0.3, lr_d=0.2)


def expected_step(p):
    """One alternating step and one simultaneous step (G against D before its update), exactly, in float64."""
    Wg, bg, wd, bd, real, z = (p[k].astype(np.float64) for k in ("Wg", "bg", "wd", "bd", "real", "noise"))
    n = len(real)
    fake = z @ Wg + bg
    lr_, lf = real @ wd + bd, fake @ wd + bd
    d_loss = ref_d_loss(lr_, lf)
    dlr, dlf = -sigmoid(-lr_) / n, sigmoid(lf) / n
    wd1 = wd - p["lr_d"] * (real.T @ dlr + fake.T @ dlf)
    bd1 = bd - p["lr_d"] * (dlr.sum(0) + dlf.sum(0))

    def g_update(w, b):
        logits = fake @ w + b
        dfake = (-sigmoid(-logits) / n) @ w.T
        return ref_g_loss(logits), [Wg - p["lr_g"] * (z.T @ dfake), bg - p["lr_g"] * dfake.sum(0)]

    alternating = g_update(wd1, bd1)
    simultaneous = g_update(wd, bd)
    return d_loss, [wd1, bd1], {"alternating": alternating, "simultaneous": simultaneous}


def run_step(submission, seed):
    p = gan_problem(seed)
    info, g_weights, d_weights = submission.probe(STEP, *(p[k] for k in ("Wg", "bg", "wd", "bd", "real", "noise",
                                                                        "lr_g", "lr_d")))
    assert info["type"] == "dict", f"train_step should return a dict, got {info['type']}"
    missing = {"d_loss", "g_loss"} - set(info["keys"])
    assert not missing, f"train_step's dict is missing {sorted(missing)} (it has {info['keys']})"
    return p, info, g_weights, d_weights


def close(a, b):
    return all(np.allclose(x, y, rtol=RTOL, atol=ATOL) for x, y in zip(a, b))


@pytest.mark.points(1)
def test_train_step_returns_float_losses(submission):
    """train_step returns {"d_loss": float, "g_loss": float}; d_loss is the loss before the D update"""
    p, info, _, _ = run_step(submission, 0)
    for key in ("d_loss", "g_loss"):
        assert info["floats"][key], (f"train_step's {key!r} is a {info['types'][key]}; return a Python float, "
                                     f"e.g. float({key})")
    d_loss, _, _ = expected_step(p)
    assert_close(np.float64(info["values"]["d_loss"]), d_loss, "train_step's d_loss (the discriminator loss "
                 "before the D update)", rtol=RTOL, atol=ATOL)


@pytest.mark.points(2)
def test_discriminator_updated_once(submission):
    """the D step updates the discriminator once with d_opt; the G step leaves D alone"""
    for seed in (0, 1):
        p, _, _, d_weights = run_step(submission, seed)
        _, d_expected, _ = expected_step(p)
        if not close(d_weights, d_expected):
            moved = not close(d_weights, [p["wd"], p["bd"]])
            raise AssertionError(
                "after train_step the discriminator's weights are not those of one optimizer step on "
                "discriminator_loss" + (" (is the discriminator also updated in the generator step?)" if moved
                                        else ": the discriminator was not updated"))


@pytest.mark.points(2)
def test_generator_updated_by_generator_loss_only(submission):
    """the generator changes only in the G step, by one g_opt step on the non-saturating loss"""
    for seed in (0, 1):
        p, info, g_weights, _ = run_step(submission, seed)
        _, _, expected = expected_step(p)
        ok = any(close(g_weights, w) and np.isclose(info["values"]["g_loss"], g, rtol=RTOL, atol=ATOL)
                 for g, w in expected.values())
        if not ok:
            weights_ok = any(close(g_weights, w) for _, w in expected.values())
            if weights_ok:
                raise AssertionError("the generator's weights are right but train_step's g_loss is not the "
                                     "generator loss of that step")
            unchanged = close(g_weights, [p["Wg"], p["bg"]])
            raise AssertionError(
                "after train_step the generator's weights are not those of one g_opt step on generator_loss "
                + ("(the generator was not updated)" if unchanged else
                   "(is the generator also updated in the discriminator step, or is the loss saturating?)"))
