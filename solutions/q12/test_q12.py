"""Hidden suite for q12, Adam / AdamW step (reference: torch.optim.AdamW and torch.optim.Adam, run here)."""
import pytest
import torch

from grader.testing import assert_close, check_tensor


def reference(param, grads, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=True):
    """Parameters and states after each step of torch.optim.AdamW / Adam, computed in float64."""
    p = param.detach().double().clone().requires_grad_(True)
    cls = torch.optim.AdamW if decoupled else torch.optim.Adam
    opt = cls([p], lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, foreach=False)
    out = []
    for g in grads:
        p.grad = g.double().clone()
        opt.step()
        st = opt.state[p]
        out.append((p.detach().clone(), {"step": int(st["step"]), "exp_avg": st["exp_avg"].clone(),
                                          "exp_avg_sq": st["exp_avg_sq"].clone()}))
    return out


def learner_steps(submission, param, grads, **kw):
    out, state, p = [], {}, param
    for g in grads:
        result = submission.adam_step(p, g, state, **kw)
        assert isinstance(result, tuple) and len(result) == 2, "adam_step should return a tuple (new_param, new_state)"
        p, state = result
        assert isinstance(state, dict), f"new_state should be a dict, got {type(state).__name__}"
        out.append((p, state))
    return out


def describe(param, kw):
    opt = "AdamW" if kw.get("decoupled", True) else "Adam (L2)"
    args = ", ".join(f"{k}={v}" for k, v in kw.items() if k != "decoupled")
    return f"{opt} on a {str(param.dtype)[6:]} parameter of shape {tuple(param.shape)}" + (f" with {args}" if args else "")


def compare(submission, param, grads, **kw):
    mine = learner_steps(submission, param, grads, **kw)
    ref = reference(param, grads, **kw)
    for t, ((p, _), (rp, _)) in enumerate(zip(mine, ref), 1):
        what = f"the parameter after step {t} of {describe(param, kw)}"
        check_tensor(p, what, shape=param.shape, dtype=param.dtype, device=param.device.type)
        assert_close(p, rp, what)
    return mine, ref


def problem(shape, dtype, device, steps, grad_scale=1.0):
    param = torch.randn(shape, dtype=dtype, device=device)
    grads = [torch.randn(shape, dtype=dtype, device=device) * grad_scale for _ in range(steps)]
    return param, grads


@pytest.mark.points(2)
def test_first_step(submission, device):
    """one step from an empty state with the default hyperparameters equals AdamW's"""
    for shape, dtype in (((5,), torch.float32), ((3, 4), torch.float64), ((2, 3, 2), torch.float32)):
        param, grads = problem(shape, dtype, device, 1)
        compare(submission, param, grads)


@pytest.mark.points(3)
def test_adamw_several_steps(submission, device):
    """several AdamW steps (decoupled weight decay) equal torch.optim.AdamW"""
    for shape, dtype, kw in (((4, 5), torch.float64, {"lr": 1e-2, "weight_decay": 0.1}),
                             ((7,), torch.float32, {"lr": 3e-2, "weight_decay": 0.5, "decoupled": True}),
                             ((3, 3), torch.float64, {"lr": 1e-2})):
        param, grads = problem(shape, dtype, device, 6)
        compare(submission, param, grads, **kw)


@pytest.mark.points(2)
def test_adam_l2_several_steps(submission, device):
    """several Adam steps with L2 weight decay (decoupled=False) equal torch.optim.Adam"""
    for shape, dtype, kw in (((4, 5), torch.float64, {"lr": 1e-2, "weight_decay": 0.1, "decoupled": False}),
                             ((6,), torch.float32, {"lr": 5e-2, "weight_decay": 0.5, "decoupled": False}),
                             ((2, 2), torch.float64, {"lr": 1e-2, "decoupled": False})):
        param, grads = problem(shape, dtype, device, 6)
        compare(submission, param, grads, **kw)


@pytest.mark.points(1)
def test_bias_correction_with_other_betas(submission, device):
    """bias correction follows betas: non-default betas over several steps"""
    for dtype, kw in ((torch.float64, {"lr": 0.1, "betas": (0.5, 0.8)}),
                      (torch.float32, {"lr": 1e-2, "betas": (0.95, 0.99), "weight_decay": 0.05})):
        param, grads = problem((5, 2), dtype, device, 5)
        compare(submission, param, grads, **kw)


@pytest.mark.points(1)
def test_eps_placement(submission, device):
    """eps is added to sqrt(v_hat) (outside the square root): tiny gradients and a large eps"""
    for dtype, scale, kw in ((torch.float64, 1e-5, {"lr": 1e-2}), (torch.float32, 1e-5, {"lr": 1e-2}),
                             (torch.float64, 1.0, {"lr": 1e-2, "eps": 0.1})):
        param, grads = problem((4, 3), dtype, device, 4, grad_scale=scale)
        compare(submission, param, grads, **kw)


@pytest.mark.points(1)
def test_state(submission, device):
    """new_state holds step, exp_avg and exp_avg_sq equal to the optimizer's state"""
    param, grads = problem((3, 4), torch.float64, device, 4)
    kw = {"lr": 1e-2, "weight_decay": 0.1, "decoupled": False}
    mine, ref = compare(submission, param, grads, **kw)
    for t, ((_, state), (_, rstate)) in enumerate(zip(mine, ref), 1):
        missing = [k for k in ("step", "exp_avg", "exp_avg_sq") if k not in state]
        assert not missing, f"new_state after step {t} has no key(s) {missing}"
        step = state["step"]
        step = step.item() if isinstance(step, torch.Tensor) else step
        assert step == t, f"new_state['step'] after step {t} is {step}, expected {t}"
        for k in ("exp_avg", "exp_avg_sq"):
            check_tensor(state[k], f"new_state[{k!r}]", shape=param.shape, device=device)
            assert_close(state[k], rstate[k], f"new_state[{k!r}] after step {t} of {describe(param, kw)}")


@pytest.mark.points(1)
def test_inputs_not_modified(submission, device):
    """param, grad and the state passed in (dict and tensors) are not modified in place"""
    probe = """
import torch
def probe(sub, param, grad):
    _, state = sub.adam_step(param.clone(), grad.clone(), {}, lr=0.1, weight_decay=0.1)
    for decoupled in (True, False):
        p0, g0 = param.clone(), grad.clone()
        s0 = {k: (v.clone() if isinstance(v, torch.Tensor) else v) for k, v in state.items()}
        sub.adam_step(param, grad, state, lr=0.1, weight_decay=0.1, decoupled=decoupled)
        if not (torch.equal(param, p0) and torch.equal(grad, g0)):
            return "param or grad"
        if set(state) != set(s0):
            return "the state dict"
        for k, v in s0.items():
            same = torch.equal(state[k], v) if isinstance(v, torch.Tensor) else state[k] == v
            if not same:
                return f"state[{k!r}]"
    return ""
"""
    changed = submission.probe(probe, torch.randn(6, device=device), torch.randn(6, device=device))
    assert not changed, f"adam_step modified {changed} in place; return new tensors and a new state dict"
