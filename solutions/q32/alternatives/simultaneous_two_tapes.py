"""A correct answer in another style: tf.nn.sigmoid_cross_entropy_with_logits, and the TensorFlow DCGAN
tutorial's simultaneous update (two tapes over one forward pass, both losses before either update)."""
import tensorflow as tf


def discriminator_loss(real_logits, fake_logits):
    real = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(real_logits), logits=real_logits)
    fake = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.zeros_like(fake_logits), logits=fake_logits)
    return tf.reduce_mean(real) + tf.reduce_mean(fake)


def generator_loss(fake_logits):
    # -log sigmoid(l) = softplus(-l): the non-saturating loss, stable for any logit
    return tf.reduce_mean(tf.nn.softplus(-fake_logits))


def train_step(generator, discriminator, g_opt, d_opt, real, noise):
    with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        fake = generator(noise, training=True)
        real_logits = discriminator(real, training=True)
        fake_logits = discriminator(fake, training=True)
        g_loss = generator_loss(fake_logits)
        d_loss = discriminator_loss(real_logits, fake_logits)
    g_grads = g_tape.gradient(g_loss, generator.trainable_variables)
    d_grads = d_tape.gradient(d_loss, discriminator.trainable_variables)
    d_opt.apply_gradients(zip(d_grads, discriminator.trainable_variables))
    g_opt.apply_gradients(zip(g_grads, generator.trainable_variables))
    return {"d_loss": float(d_loss.numpy()), "g_loss": float(g_loss.numpy())}
