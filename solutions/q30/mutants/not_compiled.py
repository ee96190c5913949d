"""Catches: not compiled — the model is returned without model.compile(...)."""
import tensorflow as tf


def build_text_classifier(vocab_size, num_classes, embed_dim=32, units=32):
    return tf.keras.Sequential([
        tf.keras.Input(shape=(None,), dtype="int32"),
        tf.keras.layers.Embedding(vocab_size, embed_dim),
        tf.keras.layers.LSTM(units),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
