"""Hidden suite for q27, k-means with k-means++ seeding (compared with sklearn.cluster.KMeans)."""
import numpy as np
import pytest
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits, load_iris
from threadpoolctl import threadpool_limits


def separated_blobs(rng, n, d, k, gap=300.0):
    """k Gaussian blobs (std 1) whose centres are at least `gap` apart: k-means++ puts one seed in each
    blob with near certainty, so a single seeding reaches the global optimum."""
    while True:
        centres = rng.uniform(-150 * k, 150 * k, size=(k, d))
        dist = cdist(centres, centres) + np.eye(k) * 1e9
        if dist.min() >= gap:
            break
    which = np.arange(n) % k
    return centres[which] + rng.normal(size=(n, d))


def run(submission, X, k, what, **kwargs):
    out = submission.kmeans(X, k, **kwargs)
    assert isinstance(out, (tuple, list)) and len(out) == 2, "kmeans should return a pair (centroids, labels)"
    centroids = np.asarray(out[0], dtype=np.float64)
    labels = np.asarray(out[1])
    assert centroids.shape == (k, X.shape[1]), (
        f"centroids on {what} have shape {centroids.shape}, expected (k, n_features) = {(k, X.shape[1])}")
    assert labels.shape == (len(X),), f"labels on {what} have shape {labels.shape}, expected ({len(X)},)"
    assert labels.dtype.kind in "iu", f"labels on {what} should be integers, got dtype {labels.dtype}"
    assert np.isfinite(centroids).all(), f"centroids on {what} contain NaN or inf"
    assert labels.min() >= 0 and labels.max() < k, f"labels on {what} should lie in 0..{k - 1}"
    return centroids, labels


def reference_inertia(X, k):
    # One thread: OpenMP on a busy machine is many times slower than a single thread here.
    with threadpool_limits(1):
        return KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_


def inertia(X, centroids, labels):
    return float(((X - centroids[labels]) ** 2).sum())


def check_labels_match_centroids(X, centroids, labels, what):
    """Every point is labelled with its nearest returned centroid (points within rounding of a tie skipped)."""
    D = cdist(X, centroids, "sqeuclidean")
    best = D.min(axis=1)
    mine = D[np.arange(len(X)), labels]
    scale = 1e-9 * (1.0 + best)
    wrong = int((mine > best + scale).sum())
    assert wrong == 0, (
        f"on {what}, {wrong} of {len(X)} points are not labelled with their nearest returned centroid "
        "(labels must be computed from the final centroids)")


@pytest.mark.points(3)
def test_inertia_matches_sklearn_on_blobs(submission):
    """inertia within 2% of KMeans(n_init=10) on well-separated blobs of several shapes"""
    rng = np.random.default_rng(0)
    for n, d, k in ((300, 2, 3), (500, 10, 5), (200, 1, 4), (600, 3, 8)):
        X = separated_blobs(rng, n, d, k)
        what = f"{k} blobs in {d} dimension(s)"
        centroids, labels = run(submission, X, k, what)
        ref = reference_inertia(X, k)
        mine = inertia(X, centroids, labels)
        assert mine <= 1.02 * ref, (
            f"on {what}, the inertia (sum of squared distances to the assigned centroids) is "
            f"{mine / ref:.2f} times scikit-learn's; it should be within 2%")


@pytest.mark.points(2)
def test_labels_from_final_centroids(submission):
    """labels are the nearest of the returned centroids, also when stopped after one update (n_iter=1)"""
    rng = np.random.default_rng(1)
    X = rng.uniform(size=(400, 2))
    for n_iter, seed in ((1, 0), (1, 5), (2, 3)):
        centroids, labels = run(submission, X, 6, f"uniform data (n_iter={n_iter})", n_iter=n_iter, seed=seed)
        check_labels_match_centroids(X, centroids, labels, f"uniform data with n_iter={n_iter}, seed={seed}")


@pytest.mark.points(2)
def test_fixed_point_on_iris_and_digits(submission):
    """on iris (k=3) and digits (k=10) the result is a fixed point of Lloyd: centroids are the means of their points"""
    for name, loader, k in (("iris", load_iris, 3), ("digits", load_digits, 10)):
        X = loader(return_X_y=True)[0].astype(np.float64)
        centroids, labels = run(submission, X, k, name, n_iter=300, seed=1)
        check_labels_match_centroids(X, centroids, labels, name)
        for j in range(k):
            members = X[labels == j]
            if len(members):
                shift = np.abs(members.mean(axis=0) - centroids[j]).max()
                assert shift <= 1e-3 * X.std(), (
                    f"on {name}, centroid {j} is not the mean of the points labelled {j} "
                    "(with n_iter=300 Lloyd's algorithm has converged)")


@pytest.mark.points(2)
def test_empty_cluster_no_nan(submission):
    """more clusters than distinct points (an empty cluster appears): no crash, no NaN, zero inertia"""
    rng = np.random.default_rng(2)
    distinct = rng.normal(scale=5.0, size=(5, 3))
    X = np.repeat(distinct, 12, axis=0)
    for seed in (0, 1):
        centroids, labels = run(submission, X, 6, "5 distinct points repeated, k=6", seed=seed)
        assert inertia(X, centroids, labels) <= 1e-9, (
            "with 5 distinct points and k=6, every point should end up on a centroid (inertia 0)")
    X2 = np.vstack([rng.normal(size=(40, 2)), [[1000.0, 1000.0]]])
    centroids, labels = run(submission, X2, 4, "a blob plus one far outlier, k=4", n_iter=50, seed=3)
    check_labels_match_centroids(X2, centroids, labels, "a blob plus one far outlier")


@pytest.mark.points(1)
def test_seed_makes_it_reproducible(submission):
    """the same seed gives the same result"""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(150, 4))
    a = run(submission, X, 5, "random data", seed=7)
    b = run(submission, X, 5, "random data", seed=7)
    assert np.array_equal(a[1], b[1]) and np.allclose(a[0], b[0]), "two calls with seed=7 gave different results"
