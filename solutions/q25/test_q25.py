"""Hidden suite for q25, an SVM on scikit-learn's handwritten digits.

The learner's function trains on the features and labels it is given and returns a fitted estimator,
which stays in the kernel as a handle. The hidden test split's labels never leave this process: the
kernel only receives the test features to predict on, and accuracy is computed here.
"""
import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from grader.bridge import Remote

THRESHOLD = 0.97


def hidden_split(seed, test_size):
    X, y = load_digits(return_X_y=True)
    return train_test_split(X, y, test_size=test_size, random_state=seed, stratify=y)


def train(submission, X_train, y_train):
    est = submission.train_digits_svm(X_train, y_train)
    assert isinstance(est, Remote), (
        f"train_digits_svm should return a fitted estimator (an object with .predict), got {type(est).__name__}")
    return est


def predictions(est, X, what):
    pred = np.asarray(est.predict(X))
    assert pred.shape == (len(X),), f"estimator.predict on {what} returned shape {pred.shape}, expected ({len(X)},)"
    return pred


def accuracy_check(submission, seed, test_size, what):
    X_train, X_test, y_train, y_test = hidden_split(seed, test_size)
    est = train(submission, X_train, y_train)
    acc = float((predictions(est, X_test, what) == y_test).mean())
    assert acc >= THRESHOLD, f"accuracy on {what} is {acc:.3f}; at least {THRESHOLD} is required"


@pytest.mark.points(1)
def test_returns_fitted_estimator(submission):
    """returns a fitted estimator whose predict gives one digit label (0-9) per row"""
    X_train, X_test, y_train, _ = hidden_split(0, 0.3)
    est = train(submission, X_train, y_train)
    pred = predictions(est, X_test[:20], "20 test images")
    assert set(np.unique(pred).tolist()) <= set(range(10)), "predict returned values that are not digit labels 0-9"


@pytest.mark.points(4)
def test_accuracy_on_hidden_split(submission):
    """accuracy >= 0.97 on a hidden 30% test split of load_digits"""
    accuracy_check(submission, 0, 0.3, "the hidden 30% test split")


@pytest.mark.points(2)
def test_accuracy_on_smaller_training_set(submission):
    """accuracy >= 0.97 on another hidden split, training on only half of the data"""
    accuracy_check(submission, 1, 0.5, "a hidden 50% test split (trained on the other half)")


@pytest.mark.points(2)
def test_learns_from_the_given_data(submission):
    """learns the labels it is given: with the digit classes renamed, it predicts the new names"""
    X_train, X_test, y_train, y_test = hidden_split(0, 0.3)
    rename = np.random.default_rng(7).permutation(10)
    while (rename == np.arange(10)).any():
        rename = np.roll(rename, 1)
    est = train(submission, X_train, rename[y_train])
    acc = float((predictions(est, X_test, "the hidden test split") == rename[y_test]).mean())
    assert acc >= THRESHOLD, (
        f"with the classes renamed in y_train, accuracy on the hidden split is {acc:.3f}; the estimator must be "
        "trained on exactly the X_train and y_train it is given (not on data it loads itself)")


@pytest.mark.points(1)
def test_rows_predicted_independently(submission):
    """a row's prediction does not depend on the other rows in the batch (nothing is fitted on test data)"""
    X_train, X_test, y_train, _ = hidden_split(0, 0.3)
    est = train(submission, X_train, y_train)
    batch = predictions(est, X_test[:60], "60 test images")
    parts = [predictions(est, X_test[i:i + 1], "a single image") for i in range(4)]
    parts.append(predictions(est, X_test[4:11], "7 test images"))
    parts.append(predictions(est, X_test[11:60], "49 test images"))
    alone = np.concatenate(parts)
    differ = int((alone != batch).sum())
    assert differ == 0, (
        f"{differ} of 60 images got a different label when predicted in a smaller batch; predict must not fit "
        "anything (e.g. a scaler) on the data it is asked to predict")
