"""Catches: dense-only network over budget — a wide MLP on the flattened pixels exceeds 50,000 parameters."""
import tensorflow as tf


def build_cnn(input_shape=(8, 8, 1), num_classes=10):
    model = tf.keras.Sequential([
        tf.keras.Input(shape=input_shape),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(512, activation="relu"),
        tf.keras.layers.Dense(256, activation="relu"),
        tf.keras.layers.Dense(num_classes, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
