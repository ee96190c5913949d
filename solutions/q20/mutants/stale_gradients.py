"""Catches: D's gradients not zeroed before its backward (the generator step's gradients leak into the next D step)."""
import torch
import torch.nn.functional as F


def discriminator_loss(real_logits, fake_logits):
    return F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()


def generator_loss(fake_logits):
    return F.softplus(-fake_logits).mean()


def gan_train_step(G, D, opt_G, opt_D, real, z):
    fake = G(z)
    d_loss = discriminator_loss(D(real), D(fake.detach()))
    d_loss.backward()
    opt_D.step()
    opt_D.zero_grad()          # zeroed after the step: the G step below refills D's .grad
    g_loss = generator_loss(D(fake))
    g_loss.backward()
    opt_G.step()
    opt_G.zero_grad()
    return {"d_loss": d_loss.item(), "g_loss": g_loss.item()}
