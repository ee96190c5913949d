"""Hidden suite for q26, multinomial naive Bayes (compared with sklearn.naive_bayes.MultinomialNB)."""
import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.naive_bayes import MultinomialNB as SkMultinomialNB

from grader.testing import assert_close, assert_equal


def corpus(rng, n_docs, n_words, labels, doc_len=30, class_weights=None, sparsity=0.0, concentration=0.3):
    """Count matrix of documents drawn from one word distribution per class. With `sparsity`, each class
    never uses a random share of the vocabulary (so test documents contain words unseen in some class)."""
    labels = np.asarray(labels)
    probs = rng.dirichlet(np.full(n_words, concentration), size=len(labels))
    if sparsity:
        probs *= rng.random(probs.shape) >= sparsity
        probs /= probs.sum(1, keepdims=True)
    which = rng.choice(len(labels), size=n_docs, p=class_weights)
    lengths = np.maximum(1, rng.poisson(doc_len, size=n_docs))
    X = np.stack([rng.multinomial(lengths[i], probs[which[i]]) for i in range(n_docs)]).astype(np.int64)
    return X, labels[which]


def expected(X_train, y_train, X_test, alpha):
    ref = SkMultinomialNB(alpha=alpha).fit(X_train, y_train)
    return ref.predict(X_test), ref.predict_log_proba(X_test)


def check(submission, X_train, y_train, X_test, alpha, what, *, default_alpha=False):
    clf = submission.MultinomialNB() if default_alpha else submission.MultinomialNB(alpha=alpha)
    clf.fit(X_train, y_train)
    exp_pred, exp_logp = expected(X_train, y_train, X_test, alpha)
    logp = np.asarray(clf.predict_log_proba(X_test), dtype=np.float64)
    assert logp.shape == exp_logp.shape, (
        f"predict_log_proba on {what} returned shape {logp.shape}, expected {exp_logp.shape} "
        "(one column per distinct training label)")
    scale = 1.0 + np.abs(exp_logp).mean()
    assert_close(logp, exp_logp, f"predict_log_proba on {what} (alpha={alpha})", rtol=1e-6, atol=1e-7 * scale)
    assert_equal(clf.predict(X_test), exp_pred, f"predict on {what} (alpha={alpha})")


@pytest.mark.points(3)
def test_matches_sklearn_generated(submission):
    """predict_log_proba and predict match scikit-learn on count data of several shapes and alphas"""
    rng = np.random.default_rng(0)
    for n_words, labels, alpha in ((5, [0, 1], 1.0), (50, [0, 1, 2, 3], 0.5), (300, [2, 5, 11], 0.01),
                                   (20, [-1, 4], 2.0)):
        X, y = corpus(rng, 160, n_words, labels)
        check(submission, X[:120], y[:120], X[120:], alpha, f"documents with {n_words} words, labels {labels}")


@pytest.mark.points(1)
def test_default_alpha(submission):
    """MultinomialNB() smooths with alpha=1.0"""
    rng = np.random.default_rng(1)
    X, y = corpus(rng, 100, 40, [0, 1, 2], sparsity=0.5)
    check(submission, X[:70], y[:70], X[70:], 1.0, "MultinomialNB() (default alpha)", default_alpha=True)


@pytest.mark.points(2)
def test_unseen_words_are_smoothed(submission):
    """a test document with words never seen in some class's training data gets finite, smoothed scores"""
    rng = np.random.default_rng(2)
    X, y = corpus(rng, 200, 60, [0, 1, 2], sparsity=0.6)
    for alpha in (1.0, 0.1):
        check(submission, X[:150], y[:150], X[150:], alpha, "documents with words unseen in some classes")


@pytest.mark.points(2)
def test_long_documents_no_underflow(submission):
    """documents thousands of words long: no underflow to -inf or NaN (work in log space)"""
    rng = np.random.default_rng(3)
    X, y = corpus(rng, 80, 100, [0, 1, 2], doc_len=3000, concentration=1.0)
    check(submission, X[:60], y[:60], X[60:], 1.0, "documents of ~3,000 words")


@pytest.mark.points(2)
def test_class_priors_used(submission):
    """imbalanced classes: the class prior P(c) is part of the score"""
    rng = np.random.default_rng(4)
    X, y = corpus(rng, 400, 30, [0, 1], doc_len=3, class_weights=[0.9, 0.1], concentration=5.0)
    check(submission, X[:300], y[:300], X[300:], 1.0, "short documents from imbalanced classes (90% / 10%)")


@pytest.mark.points(1)
def test_digits_as_counts(submission):
    """load_digits pixel intensities (0-16) treated as counts, 10 classes"""
    X, y = load_digits(return_X_y=True)
    perm = np.random.default_rng(5).permutation(len(X))
    train, test = perm[:1300], perm[1300:]
    check(submission, X[train], y[train], X[test], 1.0, "digits")
