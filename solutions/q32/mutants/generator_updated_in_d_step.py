"""Catches: fake not detached in the D step — the discriminator loss also updates the generator (its gradients flow into G's variables)."""
import tensorflow as tf

_bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)


def discriminator_loss(real_logits, fake_logits):
    return _bce(tf.ones_like(real_logits), real_logits) + _bce(tf.zeros_like(fake_logits), fake_logits)


def generator_loss(fake_logits):
    return _bce(tf.ones_like(fake_logits), fake_logits)


def train_step(generator, discriminator, g_opt, d_opt, real, noise):
    with tf.GradientTape() as tape:
        fake = generator(noise, training=True)
        d_loss = discriminator_loss(discriminator(real, training=True), discriminator(fake, training=True))
    d_vars = discriminator.trainable_variables + generator.trainable_variables
    d_opt.apply_gradients(zip(tape.gradient(d_loss, d_vars), d_vars))
    with tf.GradientTape() as tape:
        fake = generator(noise, training=True)
        g_loss = generator_loss(discriminator(fake, training=True))
    g_vars = generator.trainable_variables
    g_opt.apply_gradients(zip(tape.gradient(g_loss, g_vars), g_vars))
    return {"d_loss": float(d_loss), "g_loss": float(g_loss)}
