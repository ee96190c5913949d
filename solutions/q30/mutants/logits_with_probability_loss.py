"""Catches: logits with a probability loss — a linear output layer compiled with a loss that expects probabilities."""
import tensorflow as tf


def build_text_classifier(vocab_size, num_classes, embed_dim=32, units=32):
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(None,), dtype="int32"),
        tf.keras.layers.Embedding(vocab_size, embed_dim),
        tf.keras.layers.LSTM(units),
        tf.keras.layers.Dense(num_classes),                      # logits
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
