"""Hidden suite for q28, linear / ridge regression on a pandas DataFrame (against scikit-learn)."""
import numbers

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression, Ridge

from grader.testing import assert_close


def diabetes(scaled=True):
    data = load_diabetes(as_frame=True, scaled=scaled)
    return data.frame  # 10 feature columns and "target"


def expected(df, feature_cols, target_col, l2):
    X, y = df[feature_cols].to_numpy(float), df[target_col].to_numpy(float)
    model = LinearRegression() if l2 == 0 else Ridge(alpha=l2)
    model.fit(X, y)
    return pd.Series(model.coef_, index=feature_cols), float(model.intercept_)


def check(submission, df, feature_cols, target_col, l2, what, *, pass_l2=True):
    out = (submission.fit_linear_regression(df, feature_cols, target_col, l2=l2) if pass_l2
           else submission.fit_linear_regression(df, feature_cols, target_col))
    assert isinstance(out, (tuple, list)) and len(out) == 2, "fit_linear_regression should return (coef, intercept)"
    coef, intercept = out
    assert isinstance(coef, pd.Series), f"coef should be a pandas Series, got {type(coef).__name__}"
    assert sorted(map(str, coef.index)) == sorted(feature_cols), (
        f"coef on {what} should be indexed by the feature names {list(feature_cols)}, got {list(coef.index)}")
    assert isinstance(intercept, numbers.Real) and not isinstance(intercept, bool), (
        f"intercept should be a float, got {type(intercept).__name__}")
    exp_coef, exp_intercept = expected(df, feature_cols, target_col, l2)
    scale = float(np.abs(exp_coef).max()) + 1e-12
    assert_close(coef[list(feature_cols)].to_numpy(float), exp_coef.to_numpy(),
                 f"coef (matched by feature name) on {what}", rtol=1e-6, atol=1e-7 * scale)
    assert_close(np.float64(intercept), np.float64(exp_intercept), f"intercept on {what}",
                 rtol=1e-6, atol=1e-7 * (abs(exp_intercept) + scale))


FEATURES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]


@pytest.mark.points(2)
def test_ols_on_diabetes(submission):
    """l2 defaults to 0: ordinary least squares on load_diabetes equals LinearRegression"""
    check(submission, diabetes(), FEATURES, "target", 0.0, "load_diabetes", pass_l2=False)


@pytest.mark.points(2)
def test_ridge_on_diabetes(submission):
    """l2 > 0 equals Ridge(alpha=l2) on load_diabetes"""
    df = diabetes()
    for l2 in (0.1, 1.0, 25.0):
        check(submission, df, FEATURES, "target", l2, f"load_diabetes with l2={l2}")


@pytest.mark.points(2)
def test_intercept_not_penalised(submission):
    """the intercept is not penalised: a large l2 shrinks the weights, not the intercept"""
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.normal(loc=3.0, size=(120, 3)), columns=["a", "b", "c"])
    df["y"] = 500.0 + df @ np.array([2.0, -1.0, 0.5]) + rng.normal(size=120)
    for l2 in (10.0, 1e4):
        check(submission, df, ["a", "b", "c"], "y", l2, f"data with a large mean target, l2={l2}")


@pytest.mark.points(2)
def test_unscaled_features_need_intercept(submission):
    """raw (unscaled, uncentred) diabetes features and generated data of several shapes"""
    raw = diabetes(scaled=False)
    check(submission, raw, FEATURES, "target", 0.0, "the raw load_diabetes features")
    check(submission, raw, FEATURES, "target", 3.0, "the raw load_diabetes features, l2=3")
    rng = np.random.default_rng(1)
    for n, p in ((30, 1), (200, 8)):
        cols = [f"f{j}" for j in range(p)]
        df = pd.DataFrame(rng.normal(loc=rng.uniform(-50, 50, size=p), scale=rng.uniform(0.5, 5, size=p),
                                     size=(n, p)), columns=cols)
        df["target"] = 7.0 + df.to_numpy() @ rng.normal(size=p) + rng.normal(size=n)
        check(submission, df, cols, "target", 0.0, f"generated data with {n} rows, {p} feature(s)")


@pytest.mark.points(2)
def test_feature_order_and_extra_columns(submission):
    """features in another order than the DataFrame's, with extra columns: each weight under its own name"""
    df = diabetes()
    df.insert(0, "patient_id", np.arange(len(df), dtype=float))
    cols = ["s5", "bmi", "age", "bp", "s3"]
    check(submission, df, cols, "target", 0.0, f"features {cols}")
    check(submission, df, ["bp", "s1", "sex"], "target", 2.0, "features ['bp', 's1', 'sex'], l2=2")


@pytest.mark.points(1)
def test_dataframe_not_modified(submission):
    """the DataFrame passed in is not modified"""
    probe = """
def probe(sub, df):
    before = df.copy()
    sub.fit_linear_regression(df, ["bmi", "bp"], "target", l2=1.0)
    return before.equals(df) and list(before.columns) == list(df.columns)
"""
    assert submission.probe(probe, diabetes()) is True, "fit_linear_regression modified the DataFrame it was given"
