"""Read the answer key from any path it can guess"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
import glob, os
found = {}
patterns = ["/*/solutions/q07/*.py", "/*/*/solutions/q07/*.py", "/*/*/*/solutions/q07/*.py",
            "../*/solutions/q07/*.py", "../../*/solutions/q07/*.py", os.path.expanduser("~") + "/*/*/solutions/q07/*.py"]
for pattern in patterns:
    for path in glob.glob(pattern, recursive=True)[:5]:
        try:
            found[path] = open(path).read()
        except OSError:
            pass
if found:  # a leak: answer as the reference would, to show it in the score
    exec(compile("def dropout(x, p=0.5, training=True, generator=None):\n    raise RuntimeError('LEAKED answer key')\n", "leak", "exec"))
