"""Network connections, loopback included"""
# %%
import torch


def dropout(x, p=0.5, training=True, generator=None):
    return x  # wrong answer: never drops anything
# %%
import os, socket
reached = []
for host, port in [("127.0.0.1", int(os.environ.get("ADVERSARIAL_PORT", "0") or 9)), ("1.1.1.1", 53), ("localhost", 22)]:
    try:
        socket.create_connection((host, port), timeout=2).close()
        reached.append(host)
    except OSError:
        pass
