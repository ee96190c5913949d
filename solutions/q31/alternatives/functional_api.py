"""A correct answer in another style: the functional API, a separate Softmax layer, loss and optimizer objects."""
import tensorflow as tf


def build_cnn(input_shape=(8, 8, 1), num_classes=10):
    inputs = tf.keras.Input(shape=input_shape, name="image")
    x = tf.keras.layers.Conv2D(32, (3, 3), padding="same")(inputs)
    x = tf.keras.layers.ReLU()(x)
    x = tf.keras.layers.MaxPooling2D()(x)
    x = tf.keras.layers.Conv2D(32, (3, 3), padding="same", activation="relu")(x)
    x = tf.keras.layers.Flatten()(x)
    logits = tf.keras.layers.Dense(num_classes)(x)
    probs = tf.keras.layers.Softmax()(logits)
    model = tf.keras.Model(inputs, probs, name="digits_cnn")
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=2e-3),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(),
                  metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])
    return model
