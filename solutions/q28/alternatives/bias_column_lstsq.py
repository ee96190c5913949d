"""A correct answer in another style: a bias column and an augmented least-squares system whose penalty rows skip the bias."""
import numpy as np
import pandas as pd


def fit_linear_regression(df, feature_cols, target_col, l2=0.0):
    names = list(feature_cols)
    X = np.column_stack([np.ones(len(df))] + [df[c].to_numpy(dtype=float) for c in names])
    y = df[target_col].to_numpy(dtype=float)
    penalty = np.sqrt(l2) * np.eye(len(names) + 1)[1:]  # one row per weight, none for the bias
    theta = np.linalg.lstsq(np.vstack([X, penalty]), np.concatenate([y, np.zeros(len(names))]), rcond=None)[0]
    return pd.Series(dict(zip(names, theta[1:]))), float(theta[0])
