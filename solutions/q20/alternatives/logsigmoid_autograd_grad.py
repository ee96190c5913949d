"""A correct answer in another style: log-sigmoid formulas, one concatenated D forward pass, and
gradients taken with torch.autograd.grad (no .backward(), so no .grad left over on the other network)."""
import torch
import torch.nn.functional as F


def discriminator_loss(real_logits, fake_logits):
    # log(1 - sigmoid(x)) = logsigmoid(-x)
    return -(F.logsigmoid(real_logits).mean() + F.logsigmoid(-fake_logits).mean())


def generator_loss(fake_logits):
    return -F.logsigmoid(fake_logits).mean()


def gan_train_step(G, D, opt_G, opt_D, real, z):
    fake = G(z)
    n = real.shape[0]
    both = D(torch.cat([real, fake.detach()], dim=0))
    d_loss = discriminator_loss(both[:n], both[n:])
    d_params = [p for p in D.parameters() if p.requires_grad]
    for p, g in zip(d_params, torch.autograd.grad(d_loss, d_params)):
        p.grad = g
    opt_D.step()
    g_loss = generator_loss(D(fake))
    g_params = [p for p in G.parameters() if p.requires_grad]
    for p, g in zip(g_params, torch.autograd.grad(g_loss, g_params)):
        p.grad = g
    opt_G.step()
    return {"d_loss": d_loss.item(), "g_loss": g_loss.item()}
