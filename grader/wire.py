"""The data format that crosses the trust boundary between the grader and a learner's kernel.

Values are encoded as JSON: plain scalars, strings, lists, tuples, sets, dicts, NumPy arrays, PyTorch
tensors and pandas Series/DataFrames (array bytes in base64), and *handles* for every other object,
which stays in the kernel. Nothing is ever unpickled, and decoding builds only fresh built-in,
NumPy, torch or pandas objects, so a learner cannot smuggle an object with a forged `__eq__` across.

This module is self-contained (standard library; NumPy, torch and pandas imported only when a value
needs them) because its source is also sent into the kernel, where the grader package is not importable.
"""
import base64
import json
import sys

REPLY_MIME = "application/vnd.mlgrader.reply+json"
ALLOWED_DTYPES = frozenset({
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "complex64", "complex128", "bfloat16",
})


class WireError(ValueError):
    """A message that is not valid wire data."""


class Handle:
    """Reference to an object that stays on the other side of the boundary."""

    def __init__(self, hid, type_name="object"):
        self.hid, self.type_name = int(hid), str(type_name)

    def __repr__(self):
        return f"<handle {self.hid}: {self.type_name}>"


def _module(name):
    return sys.modules.get(name)


def _array_payload(arr):
    import numpy as np

    arr = np.asarray(arr)
    if not arr.flags.c_contiguous:  # (np.ascontiguousarray would turn 0-d arrays into 1-d)
        arr = arr.copy(order="C")
    if arr.dtype.name not in ALLOWED_DTYPES:
        raise WireError(f"arrays of dtype {arr.dtype} cannot be sent")
    return {"dtype": arr.dtype.name, "shape": list(arr.shape),
            "b64": base64.b64encode(arr.tobytes()).decode("ascii")}


def _array_from(payload):
    import numpy as np

    dtype = payload["dtype"]
    if dtype not in ALLOWED_DTYPES or dtype == "bfloat16":
        raise WireError(f"unsupported array dtype {dtype!r}")
    shape = [int(s) for s in payload["shape"]]
    data = base64.b64decode(payload["b64"], validate=True)
    if len(data) != _prod(shape) * np.dtype(dtype).itemsize:
        raise WireError("array data does not match its shape")
    arr = np.frombuffer(data, dtype=np.dtype(dtype))
    return arr.reshape(shape).copy()


def _prod(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _tensor_payload(t):
    import torch

    t = t.detach()
    device = str(t.device)
    cpu = t.to("cpu").contiguous()
    if cpu.dtype == torch.bfloat16:
        payload = _array_payload(cpu.view(torch.int16).numpy())
        payload["dtype"] = "bfloat16"
    else:
        payload = _array_payload(cpu.resolve_conj().resolve_neg().numpy())
    payload["device"] = device
    return payload


def _tensor_from(payload):
    import torch

    if payload.get("dtype") == "bfloat16":
        raw = dict(payload, dtype="int16")
        t = torch.from_numpy(_array_from(raw)).view(torch.bfloat16)
    else:
        t = torch.from_numpy(_array_from(payload))
    try:  # on the device it came from, so a suite can check where the learner's output lives
        return t.to(payload.get("device", "cpu"))
    except (RuntimeError, AssertionError):  # device not available on this side
        return t


def encode(value, make_handle=None, depth=0):
    """Encode `value` as JSON-ready data; objects that are not data become handles via `make_handle`."""
    if depth > 50:
        raise WireError("value nested too deeply")
    t = type(value)
    if value is None or t in (bool, str):
        return value
    if t is int:
        return value if -(2 ** 63) <= value < 2 ** 63 else {"$bigint": str(value)}
    if t is float:
        return value if value == value and value not in (float("inf"), float("-inf")) else {"$float": repr(value)}
    if t is list:
        return [encode(v, make_handle, depth + 1) for v in value]
    if t is tuple:
        return {"$tuple": [encode(v, make_handle, depth + 1) for v in value]}
    if t in (set, frozenset):
        return {"$" + t.__name__: [encode(v, make_handle, depth + 1) for v in value]}
    if t is dict:
        return {"$dict": [[encode(k, make_handle, depth + 1), encode(v, make_handle, depth + 1)]
                          for k, v in value.items()]}
    np = _module("numpy")
    if np is not None and t is np.ndarray:
        return {"$nd": _array_payload(value)}
    if np is not None and isinstance(value, np.generic) and t.__module__ == "numpy":
        return {"$npscalar": _array_payload(np.asarray(value))}
    torch = _module("torch")
    if torch is not None and t in (torch.Tensor, torch.nn.Parameter):
        return {"$tensor": _tensor_payload(value)}
    pd = _module("pandas")
    if pd is not None and t is pd.Series:
        return {"$series": {"values": encode(value.to_numpy(), make_handle, depth + 1),
                            "index": encode(list(value.index), make_handle, depth + 1),
                            "name": encode(value.name, make_handle, depth + 1)}}
    if pd is not None and t is pd.DataFrame:
        return {"$frame": {"columns": encode(list(value.columns), make_handle, depth + 1),
                           "index": encode(list(value.index), make_handle, depth + 1),
                           "values": [encode(value[c].to_numpy(), make_handle, depth + 1)
                                      for c in value.columns]}}
    # Subclasses of plain types (namedtuple, OrderedDict, IntEnum...) travel as their base type,
    # read through the base type's own methods so that no override of the subclass runs here.
    if isinstance(value, tuple):
        return encode(tuple(tuple.__iter__(value)), make_handle, depth)
    if isinstance(value, list):
        return encode(list(list.__iter__(value)), make_handle, depth)
    if isinstance(value, dict):
        return encode(dict(dict.items(value)), make_handle, depth)
    if isinstance(value, bool):
        return bool(int.__index__(value))
    if isinstance(value, int):
        return encode(int.__index__(value), make_handle, depth)
    if isinstance(value, float) and (np is None or not isinstance(value, np.generic)):
        return encode(float.__float__(value), make_handle, depth)
    if isinstance(value, str):
        return str.__str__(value)
    if make_handle is None:
        raise WireError(f"cannot send an object of type {t.__name__}")
    return make_handle(value)


def decode(data, resolve_handle=None):
    """Rebuild a value from `encode`'s output; handles are passed to `resolve_handle`."""
    if data is None or type(data) in (bool, int, float, str):
        return data
    if type(data) is list:
        return [decode(v, resolve_handle) for v in data]
    if type(data) is not dict or len(data) != 1:
        raise WireError(f"unexpected wire value of type {type(data).__name__}")
    (tag, body), = data.items()
    if tag == "$tuple":
        return tuple(decode(v, resolve_handle) for v in body)
    if tag == "$set":
        return {decode(v, resolve_handle) for v in body}
    if tag == "$frozenset":
        return frozenset(decode(v, resolve_handle) for v in body)
    if tag == "$dict":
        return {decode(k, resolve_handle): decode(v, resolve_handle) for k, v in body}
    if tag == "$bigint":
        return int(body)
    if tag == "$float":
        return float(body)
    if tag == "$nd":
        return _array_from(body)
    if tag == "$npscalar":
        return _array_from(body)[()]
    if tag == "$tensor":
        return _tensor_from(body)
    if tag == "$series":
        import pandas as pd

        return pd.Series(decode(body["values"]), index=decode(body["index"]), name=decode(body["name"]))
    if tag == "$frame":
        import pandas as pd

        columns = decode(body["columns"])
        values = [decode(v) for v in body["values"]]
        return pd.DataFrame(dict(zip(columns, values)), index=decode(body["index"]), columns=columns)
    if tag == "$handle":
        handle = Handle(body["id"], body.get("type", "object"))
        return resolve_handle(handle) if resolve_handle else handle
    raise WireError(f"unknown wire tag {tag!r}")


def dumps(data):
    return json.dumps(data, separators=(",", ":"), allow_nan=False)


def loads(text):
    return json.loads(text)
