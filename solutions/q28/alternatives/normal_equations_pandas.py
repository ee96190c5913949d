"""A correct answer in another style: normal equations built from pandas (DataFrame.sub, .T.dot) and np.linalg.solve."""
import numpy as np
import pandas as pd


def fit_linear_regression(df, feature_cols, target_col, l2=0.0):
    X = df.loc[:, list(feature_cols)].astype(float)
    y = df[target_col].astype(float)
    Xc = X.sub(X.mean())
    yc = y - y.mean()
    gram = Xc.T.dot(Xc) + l2 * np.eye(X.shape[1])
    rhs = Xc.T.dot(yc)
    w = pd.Series(np.linalg.solve(gram.to_numpy(), rhs.to_numpy()), index=X.columns)
    intercept = y.mean() - (X.mean() * w).sum()
    return w, float(intercept)
