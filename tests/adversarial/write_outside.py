"""Write outside the scratch folder: home, /tmp, the repository"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
import os, pathlib
MARK = "adversarial-write-outside-scratch"
targets = [pathlib.Path("/tmp") / MARK, pathlib.Path(os.path.expanduser("~")) / MARK,
           pathlib.Path("/root") / MARK, pathlib.Path("/var/tmp") / MARK]
targets += [p / MARK for p in pathlib.Path("/").glob("*/*/solutions")]
targets += [p / MARK for p in pathlib.Path("/").glob("*/solutions")]
for t in targets:
    try:
        t.write_text("pwned")
    except OSError:
        pass
