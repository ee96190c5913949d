"""Hidden suite for q14, the knowledge-distillation loss; expected values from F.kl_div and
F.cross_entropy, computed here."""
import pytest
import torch
import torch.nn.functional as F

from grader.testing import assert_close, check_tensor


def reference(s, t, y, T=2.0, alpha=0.5):
    soft = F.kl_div(F.log_softmax(s / T, dim=-1), F.log_softmax(t / T, dim=-1), reduction="batchmean",
                    log_target=True)
    return alpha * T * T * soft + (1 - alpha) * F.cross_entropy(s, y)


def inputs(n, c, dtype, device, scale=1.0):
    s = scale * torch.randn(n, c, dtype=dtype, device=device)
    t = scale * 2 * torch.randn(n, c, dtype=dtype, device=device)
    y = torch.randint(0, c, (n,), device=device)
    return s, t, y


GRAD_PROBE = """
def probe(sub, s, t, y, T, alpha):
    s_before, t_before = s.clone(), t.clone()
    s = s.clone().requires_grad_(True)
    t = t.clone().requires_grad_(True)
    loss = sub.distillation_loss(s, t, y, temperature=T, alpha=alpha)
    loss.backward()
    return loss.detach(), s.grad, t.grad
"""


@pytest.mark.points(1)
def test_scalar_dtype_device(submission, device):
    """the loss is a 0-dim tensor with the logits' dtype and device (float32 and float64)"""
    for dtype in (torch.float32, torch.float64):
        s, t, y = inputs(5, 4, dtype, device)
        out = submission.distillation_loss(s, t, y)
        check_tensor(out, f"distillation_loss on {str(dtype)[6:]} logits", shape=(), dtype=dtype, device=device)


@pytest.mark.points(2)
def test_matches_reference_default(submission, device):
    """with the defaults (T=2, alpha=0.5) the loss equals the formula on several shapes"""
    for n, c in ((4, 3), (16, 10), (1, 5), (32, 2)):
        s, t, y = inputs(n, c, torch.float32, device)
        assert_close(submission.distillation_loss(s, t, y), reference(s, t, y),
                     f"distillation_loss for {n} samples and {c} classes")


@pytest.mark.points(2)
def test_temperature_and_alpha(submission, device):
    """other temperatures and alphas (float64), passed by keyword and by position"""
    cases = ((1.0, 0.5), (4.0, 0.9), (0.5, 0.3), (8.0, 0.1), (3.0, 1.0))
    for T, alpha in cases:
        s, t, y = inputs(8, 6, torch.float64, device)
        assert_close(submission.distillation_loss(s, t, y, temperature=T, alpha=alpha),
                     reference(s, t, y, T, alpha), f"distillation_loss with temperature={T}, alpha={alpha}")
    s, t, y = inputs(8, 6, torch.float64, device)
    assert_close(submission.distillation_loss(s, t, y, 4.0, 0.3), reference(s, t, y, 4.0, 0.3),
                 "distillation_loss(student, teacher, target, 4.0, 0.3) (positional arguments)")


@pytest.mark.points(1)
def test_limits_of_alpha(submission, device):
    """alpha=0 is plain cross-entropy; alpha=1 with teacher == student is 0"""
    s, t, y = inputs(10, 7, torch.float64, device)
    assert_close(submission.distillation_loss(s, t, y, temperature=3.0, alpha=0.0), F.cross_entropy(s, y),
                 "distillation_loss with alpha=0 (should equal the cross-entropy with the targets)")
    assert_close(submission.distillation_loss(s, s.clone(), y, temperature=3.0, alpha=1.0),
                 torch.zeros((), dtype=torch.float64), "distillation_loss with alpha=1 and teacher == student",
                 atol=1e-12)


@pytest.mark.points(1)
def test_large_logits_stable(submission, device):
    """logits of magnitude 1e3 give a finite loss equal to the formula"""
    for dtype in (torch.float32, torch.float64):
        s, t, y = inputs(6, 5, dtype, device, scale=1e3)
        out = submission.distillation_loss(s, t, y, temperature=2.0, alpha=0.5)
        assert_close(out, reference(s, t, y), f"distillation_loss on {str(dtype)[6:]} logits of magnitude 1e3",
                     rtol=1e-4 if dtype == torch.float32 else 1e-7, atol=1e-3 if dtype == torch.float32 else 1e-7)


@pytest.mark.points(2)
def test_student_gradient(submission, device):
    """the gradient with respect to the student logits is the formula's gradient"""
    for dtype, T, alpha in ((torch.float64, 2.0, 0.5), (torch.float32, 5.0, 0.7)):
        s, t, y = inputs(7, 4, dtype, device)
        loss, s_grad, _ = submission.probe(GRAD_PROBE, s, t, y, T, alpha)
        assert s_grad is not None, "no gradient reached the student logits (is the loss built with torch ops?)"
        s_ref = s.clone().requires_grad_(True)
        reference(s_ref, t, y, T, alpha).backward()
        assert_close(s_grad, s_ref.grad, f"the gradient w.r.t. student_logits (temperature={T}, alpha={alpha})")


@pytest.mark.points(1)
def test_teacher_gets_no_gradient(submission, device):
    """the teacher is fixed: no gradient flows into teacher_logits"""
    s, t, y = inputs(7, 4, torch.float32, device)
    _, _, t_grad = submission.probe(GRAD_PROBE, s, t, y, 2.0, 0.5)
    assert t_grad is None or not bool(t_grad.abs().sum() > 0), (
        "backward() sent gradients into teacher_logits; the teacher's outputs are fixed targets (detach them)")


@pytest.mark.points(1)
def test_inputs_not_modified(submission, device):
    """the logits and targets are not modified in place"""
    probe = """
def probe(sub, s, t, y):
    copies = (s.clone(), t.clone(), y.clone())
    sub.distillation_loss(s, t, y, temperature=3.0, alpha=0.4)
    return copies, (s, t, y)
"""
    s, t, y = inputs(5, 3, torch.float32, device)
    before, after = submission.probe(probe, s, t, y)
    for name, b, a in zip(("student_logits", "teacher_logits", "target"), before, after):
        assert torch.equal(b, a), f"distillation_loss changed {name} in place"
