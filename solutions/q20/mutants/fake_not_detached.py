"""Catches: fake not detached in the D step (the discriminator loss also back-propagates into G)."""
import torch
import torch.nn.functional as F


def discriminator_loss(real_logits, fake_logits):
    return F.softplus(-real_logits).mean() + F.softplus(fake_logits).mean()


def generator_loss(fake_logits):
    return F.softplus(-fake_logits).mean()


def gan_train_step(G, D, opt_G, opt_D, real, z):
    opt_D.zero_grad()
    opt_G.zero_grad()
    d_loss = discriminator_loss(D(real), D(G(z)))     # G(z) not detached: G's .grad fills up too
    d_loss.backward()
    opt_D.step()
    g_loss = generator_loss(D(G(z)))
    g_loss.backward()
    opt_G.step()                                       # G steps on d_loss's gradient + g_loss's
    return {"d_loss": d_loss.item(), "g_loss": g_loss.item()}
