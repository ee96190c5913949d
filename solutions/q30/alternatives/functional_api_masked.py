"""A correct answer in another style: the functional API, mask_zero padding, a hidden Dense layer, a
separate Softmax layer, and loss/optimizer objects."""
import tensorflow as tf


def build_text_classifier(vocab_size, num_classes, embed_dim=32, units=32):
    token_ids = tf.keras.Input(shape=(None,), dtype="int32", name="token_ids")
    x = tf.keras.layers.Embedding(input_dim=vocab_size, output_dim=embed_dim, mask_zero=True)(token_ids)
    x = tf.keras.layers.LSTM(units=units)(x)
    x = tf.keras.layers.Dense(units, activation="relu")(x)
    logits = tf.keras.layers.Dense(num_classes)(x)
    probs = tf.keras.layers.Softmax()(logits)
    model = tf.keras.Model(token_ids, probs, name="lstm_classifier")
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=2e-3),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(),
                  metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])
    return model
