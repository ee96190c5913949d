"""Catches: missing channel axis — the model takes (batch, 8, 8) images and drops the channel dimension of input_shape."""
import tensorflow as tf


def build_cnn(input_shape=(8, 8, 1), num_classes=10):
    layers = tf.keras.layers
    model = tf.keras.Sequential([
        tf.keras.Input(shape=input_shape[:2]),          # (H, W): the channel axis is lost
        layers.Conv1D(32, 3, padding="same", activation="relu"),
        layers.Conv1D(32, 3, padding="same", activation="relu"),
        layers.Flatten(),
        layers.Dense(64, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
