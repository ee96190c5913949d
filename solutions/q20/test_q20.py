"""Hidden suite for q20, GAN losses and one training step (PyTorch)."""
import numbers

import pytest
import torch
import torch.nn.functional as F

from grader.testing import assert_close, check_tensor

# The same tiny architectures are built here (for the reference step) and in the learner's kernel.
ARCH = """
import torch
from torch import nn


def make_models(z_dim, x_dim, hidden, dtype, device):
    G = nn.Sequential(nn.Linear(z_dim, hidden), nn.Tanh(), nn.Linear(hidden, x_dim))
    D = nn.Sequential(nn.Linear(x_dim, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1))
    return G.to(device=device, dtype=dtype), D.to(device=device, dtype=dtype)


def make_optimisers(G, D):
    opt_G = torch.optim.Adam(G.parameters(), lr=1e-2, betas=(0.5, 0.999))
    opt_D = torch.optim.SGD(D.parameters(), lr=0.05, momentum=0.5)
    return opt_G, opt_D
"""
_ns: dict = {}
exec(ARCH, _ns)
make_models, make_optimisers = _ns["make_models"], _ns["make_optimisers"]

STEP_PROBE = ARCH + """

def probe(sub, g_state, d_state, reals, zs, dims):
    z_dim, x_dim, hidden = dims
    dtype, device = reals[0].dtype, reals[0].device
    G, D = make_models(z_dim, x_dim, hidden, dtype, device)
    G.load_state_dict(g_state)
    D.load_state_dict(d_state)
    opt_G, opt_D = make_optimisers(G, D)
    reached_G = [0]                     # backward passes that computed a gradient for G's first weight

    def count(grad):
        reached_G[0] += 1

    next(G.parameters()).register_hook(count)
    steps = []
    for real, z in zip(reals, zs):
        reached_G[0] = 0
        real_before, z_before = real.clone(), z.clone()
        result = sub.gan_train_step(G, D, opt_G, opt_D, real, z)
        steps.append({
            "result": dict(result) if isinstance(result, dict) else result,
            "g_backward": reached_G[0],
            "inputs_kept": bool(torch.equal(real, real_before) and torch.equal(z, z_before)),
            "G": {k: v.detach().clone() for k, v in G.state_dict().items()},
            "D": {k: v.detach().clone() for k, v in D.state_dict().items()},
        })
    return steps
"""

DIMS = (3, 2, 8)  # z_dim, x_dim, hidden


def ref_d_loss(real_logits, fake_logits):
    return (F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))
            + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits)))


def ref_g_loss(fake_logits):
    return F.binary_cross_entropy_with_logits(fake_logits, torch.ones_like(fake_logits))


def reference_steps(g_state, d_state, reals, zs):
    """The textbook step, run here: D on real vs detached fake, then G (non-saturating) through the updated D."""
    G, D = make_models(*DIMS, torch.float64, "cpu")
    G.load_state_dict(g_state)
    D.load_state_dict(d_state)
    opt_G, opt_D = make_optimisers(G, D)
    out = []
    for real, z in zip(reals, zs):
        fake = G(z)
        opt_D.zero_grad()
        d_loss = ref_d_loss(D(real), D(fake.detach()))
        d_loss.backward()
        opt_D.step()
        d_after_d_step = {k: v.detach().clone() for k, v in D.state_dict().items()}
        opt_G.zero_grad()
        g_loss = ref_g_loss(D(fake))
        g_loss.backward()
        opt_G.step()
        out.append({"d_loss": d_loss.item(), "g_loss": g_loss.item(), "D": d_after_d_step,
                    "G": {k: v.detach().clone() for k, v in G.state_dict().items()}})
    return out


def run_steps(submission, device):
    """Two calls of the learner's gan_train_step on fresh tiny models (float64), and the reference.
    (Run again by each test that needs it: nothing is cached between tests or notebooks.)"""
    gen = torch.Generator().manual_seed(2014)
    torch.manual_seed(2014)
    G, D = make_models(*DIMS, torch.float64, "cpu")
    g_state = {k: v.detach().clone() for k, v in G.state_dict().items()}
    d_state = {k: v.detach().clone() for k, v in D.state_dict().items()}
    reals = [torch.randn(16, DIMS[1], generator=gen, dtype=torch.float64) * 0.5 + 2.0 for _ in range(2)]
    zs = [torch.randn(16, DIMS[0], generator=gen, dtype=torch.float64) for _ in range(2)]
    mine = submission.probe(
        STEP_PROBE, {k: v.to(device) for k, v in g_state.items()}, {k: v.to(device) for k, v in d_state.items()},
        [r.to(device) for r in reals], [z.to(device) for z in zs], DIMS)
    return mine, reference_steps(g_state, d_state, reals, zs)


def logits(n, dtype, device, shape_extra=(), scale=2.0):
    return (torch.randn((n, *shape_extra), dtype=dtype) * scale).to(device)


# ---------------------------------------------------------------------------------------------- losses
@pytest.mark.points(2)
def test_discriminator_loss(submission, device):
    """discriminator_loss = BCE(real, 1) + BCE(fake, 0), each averaged over its own batch"""
    for dtype, n_real, n_fake, extra in ((torch.float32, 8, 8, ()), (torch.float64, 5, 12, (1,)),
                                         (torch.float64, 20, 3, ())):
        real, fake = logits(n_real, dtype, device, extra), logits(n_fake, dtype, device, extra)
        what = f"discriminator_loss on {n_real} real and {n_fake} fake {str(dtype)[6:]} logits"
        out = submission.discriminator_loss(real, fake)
        check_tensor(out, what, shape=(), dtype=dtype, device=device)
        assert_close(out, ref_d_loss(real.cpu(), fake.cpu()), what)


@pytest.mark.points(2)
def test_generator_loss(submission, device):
    """generator_loss is the non-saturating loss -mean(log sigmoid(fake_logits))"""
    for dtype, n, extra in ((torch.float32, 8, ()), (torch.float64, 13, (1,))):
        fake = logits(n, dtype, device, extra)
        what = f"generator_loss on {n} {str(dtype)[6:]} logits"
        out = submission.generator_loss(fake)
        check_tensor(out, what, shape=(), dtype=dtype, device=device)
        assert_close(out, ref_g_loss(fake.cpu()), what)
    confident = torch.full((6,), -8.0, dtype=torch.float64, device=device)   # D is sure the fakes are fake
    out = submission.generator_loss(confident)
    assert float(out) > 7.0, ("when D confidently rejects the fakes (logits -8) the non-saturating generator loss "
                              f"is large (about 8); yours is {float(out):.3g}")


@pytest.mark.points(1)
def test_losses_from_logits_are_stable(submission, device):
    """both losses work from raw logits of magnitude up to 1e4 without inf or NaN"""
    real = torch.tensor([1e4, -1e4, 150.0, -150.0, 0.5], device=device)
    fake = torch.tensor([-1e4, 1e4, -200.0, 200.0, -0.5, 3.0], device=device)
    assert_close(submission.discriminator_loss(real, fake), ref_d_loss(real.cpu(), fake.cpu()),
                 "discriminator_loss on logits of magnitude up to 1e4", rtol=1e-5, atol=1e-3)
    assert_close(submission.generator_loss(fake), ref_g_loss(fake.cpu()),
                 "generator_loss on logits of magnitude up to 1e4", rtol=1e-5, atol=1e-3)


@pytest.mark.points(1)
def test_loss_gradients(submission, device):
    """the losses are differentiable tensors with the right gradients w.r.t. the logits"""
    probe = """
def probe(sub, real, fake):
    real = real.clone().requires_grad_(True)
    fake = fake.clone().requires_grad_(True)
    sub.discriminator_loss(real, fake).backward()
    g_real, g_fake = real.grad.clone(), fake.grad.clone()
    fake.grad = None
    sub.generator_loss(fake).backward()
    return g_real, g_fake, fake.grad
"""
    real, fake = logits(7, torch.float64, device), logits(9, torch.float64, device)
    g_real, g_fake, g_gen = submission.probe(probe, real, fake)
    r = real.detach().cpu().clone().requires_grad_(True)
    f = fake.detach().cpu().clone().requires_grad_(True)
    ref_d_loss(r, f).backward()
    f2 = fake.detach().cpu().clone().requires_grad_(True)
    ref_g_loss(f2).backward()
    assert_close(g_real, r.grad, "the gradient of discriminator_loss w.r.t. real_logits")
    assert_close(g_fake, f.grad, "the gradient of discriminator_loss w.r.t. fake_logits")
    assert_close(g_gen, f2.grad, "the gradient of generator_loss w.r.t. fake_logits")


# ---------------------------------------------------------------------------------------------- step
@pytest.mark.points(1)
def test_step_reports_losses(submission, device):
    """gan_train_step returns {"d_loss": float, "g_loss": float} equal to the losses of that step"""
    mine, ref = run_steps(submission, device)
    for i, (m, r) in enumerate(zip(mine, ref), 1):
        result = m["result"]
        assert isinstance(result, dict), f"gan_train_step returned a {type(result).__name__}, expected a dict"
        for key in ("d_loss", "g_loss"):
            assert key in result, f"the dict returned by gan_train_step has no key {key!r}"
            value = result[key]
            assert isinstance(value, numbers.Real) and not isinstance(value, bool), (
                f"result[{key!r}] is a {type(value).__name__}, expected a Python float (use .item())")
        assert abs(result["d_loss"] - r["d_loss"]) <= 1e-8 * max(1.0, abs(r["d_loss"])), (
            f"call {i}: d_loss is not discriminator_loss(D(real), D(G(z))) computed before D's update")
        assert abs(result["g_loss"] - r["g_loss"]) <= 1e-8 * max(1.0, abs(r["g_loss"])), (
            f"call {i}: g_loss is not generator_loss(D(G(z))) computed with the updated D before G's update")


@pytest.mark.points(1)
def test_step_updates_discriminator_once(submission, device):
    """D takes exactly one opt_D step on the discriminator loss; the generator step leaves D alone"""
    mine, ref = run_steps(submission, device)
    for i, (m, r) in enumerate(zip(mine, ref), 1):
        for name, value in r["D"].items():
            assert_close(m["D"][name], value,
                         f"after call {i} of gan_train_step, D's parameter {name!r} (one opt_D step on "
                         "discriminator_loss; D must not change in the generator step)", rtol=1e-7, atol=1e-9)


@pytest.mark.points(1)
def test_step_updates_generator(submission, device):
    """G takes one opt_G step on the non-saturating loss through the updated D"""
    mine, ref = run_steps(submission, device)
    for i, (m, r) in enumerate(zip(mine, ref), 1):
        for name, value in r["G"].items():
            assert_close(m["G"][name], value,
                         f"after call {i} of gan_train_step, G's parameter {name!r} (one opt_G step on "
                         "generator_loss(D(G(z))), with only the generator loss's gradient)", rtol=1e-7, atol=1e-9)


@pytest.mark.points(1)
def test_fake_detached_in_d_step(submission, device):
    """no gradient flows into G during the discriminator step (the fake batch is detached); inputs not modified"""
    mine, _ = run_steps(submission, device)
    for i, m in enumerate(mine, 1):
        n = m["g_backward"]
        assert n <= 1, (f"call {i}: gradients were computed for G's parameters in {n} backward passes; only the "
                        "generator step should reach G: detach the fake batch in the discriminator step")
        assert n == 1, f"call {i}: G's parameters received no gradient at all"
        assert m["inputs_kept"], f"call {i}: gan_train_step modified `real` or `z` in place"
