"""Catches: wrong output width — a single sigmoid unit instead of num_classes probabilities."""
import tensorflow as tf


def build_text_classifier(vocab_size, num_classes, embed_dim=32, units=32):
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(None,), dtype="int32"),
        tf.keras.layers.Embedding(vocab_size, embed_dim),
        tf.keras.layers.LSTM(units),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
