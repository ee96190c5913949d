"""Catches: coefficients in the wrong order — X is taken in the DataFrame's column order, but labelled in feature_cols order."""
import numpy as np
import pandas as pd


def fit_linear_regression(df, feature_cols, target_col, l2=0.0):
    cols = [c for c in df.columns if c in feature_cols]  # DataFrame order, not the requested order
    X = df[cols].to_numpy(float)
    y = df[target_col].to_numpy(float)
    xm, ym = X.mean(axis=0), y.mean()
    w = np.linalg.solve((X - xm).T @ (X - xm) + l2 * np.eye(len(cols)), (X - xm).T @ (y - ym))
    return pd.Series(w, index=list(feature_cols)), float(ym - xm @ w)
