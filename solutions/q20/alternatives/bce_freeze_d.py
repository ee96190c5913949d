"""A correct answer in another style: BCE-with-logits against label tensors, the fake made under
no_grad for D and regenerated for G, D frozen (requires_grad False) during the generator step."""
import torch
import torch.nn.functional as F


def discriminator_loss(real_logits, fake_logits):
    real_term = F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))
    fake_term = F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits))
    return real_term + fake_term


def generator_loss(fake_logits):
    return F.binary_cross_entropy_with_logits(fake_logits, torch.ones_like(fake_logits))


def gan_train_step(G, D, opt_G, opt_D, real, z):
    # discriminator
    with torch.no_grad():
        fake_for_d = G(z)
    opt_D.zero_grad(set_to_none=True)
    d_loss = discriminator_loss(D(real), D(fake_for_d))
    d_loss.backward()
    opt_D.step()
    # generator, with D frozen so that nothing accumulates in D's .grad
    flags = [p.requires_grad for p in D.parameters()]
    for p in D.parameters():
        p.requires_grad_(False)
    try:
        opt_G.zero_grad(set_to_none=True)
        g_loss = generator_loss(D(G(z)))
        g_loss.backward()
        opt_G.step()
    finally:
        for p, flag in zip(D.parameters(), flags):
            p.requires_grad_(flag)
    return dict(d_loss=float(d_loss), g_loss=float(g_loss))
