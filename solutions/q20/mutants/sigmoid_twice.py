"""Catches: sigmoid applied twice (probabilities passed to a loss that expects logits)."""
import torch
import torch.nn.functional as F


def discriminator_loss(real_logits, fake_logits):
    p_real, p_fake = torch.sigmoid(real_logits), torch.sigmoid(fake_logits)
    return (F.binary_cross_entropy_with_logits(p_real, torch.ones_like(p_real))
            + F.binary_cross_entropy_with_logits(p_fake, torch.zeros_like(p_fake)))


def generator_loss(fake_logits):
    p_fake = torch.sigmoid(fake_logits)
    return F.binary_cross_entropy_with_logits(p_fake, torch.ones_like(p_fake))


def gan_train_step(G, D, opt_G, opt_D, real, z):
    fake = G(z)
    opt_D.zero_grad()
    d_loss = discriminator_loss(D(real), D(fake.detach()))
    d_loss.backward()
    opt_D.step()
    opt_G.zero_grad()
    g_loss = generator_loss(D(fake))
    g_loss.backward()
    opt_G.step()
    return {"d_loss": d_loss.item(), "g_loss": g_loss.item()}
