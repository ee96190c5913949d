"""Kernel-side agent: answers the grader's requests from inside the learner's kernel.

Untrusted side of the boundary. Its source is executed in the kernel, once the notebook has run,
right after `wire.py`'s, whose names (`encode`, `decode`, `Handle`, `dumps`, `loads`, `REPLY_MIME`)
it uses. It looks names up in the learner's namespace, calls them, and publishes the result as wire
data on a display message of its own MIME type. It never receives expected values,
so whatever a learner does to it can only change what *their* code appears to return.
"""
import traceback as _traceback

AGENT_FILE = "<grader-agent>"


class _Namespace:
    """Read-only attribute view of the learner's names, given to probes."""

    def __init__(self, agent):
        object.__setattr__(self, "_agent", agent)

    def __getattr__(self, name):
        return self._agent.lookup(name)

    def __contains__(self, name):
        return name in self._agent.user_ns


class Agent:
    def __init__(self, user_ns, publish):
        self.user_ns = user_ns
        self.publish = publish
        self.objects = {}
        self.by_id = {}

    # -- handles -------------------------------------------------------------------------------
    def make_handle(self, obj):
        hid = self.by_id.get(id(obj))
        if hid is None or self.objects.get(hid) is not obj:
            hid = len(self.objects) + 1
            self.objects[hid] = obj
            self.by_id[id(obj)] = hid
        try:
            type_name = type(obj).__qualname__
        except Exception:
            type_name = "object"
        return {"$handle": {"id": hid, "type": str(type_name)[:200]}}

    def resolve(self, handle):
        try:
            return self.objects[handle.hid]
        except KeyError:
            raise LookupError(f"unknown handle {handle.hid}") from None

    def lookup(self, name):
        if name not in self.user_ns:
            raise NameError(f"`{name}` is not defined in your notebook")
        return self.user_ns[name]

    # -- requests ------------------------------------------------------------------------------
    def target(self, req):
        if "handle" in req:
            obj = self.resolve(Handle(req["handle"]))
            return getattr(obj, req["attr"]) if req.get("attr") else obj
        return self.lookup(req["name"])

    def dispatch(self, req):
        op = req["op"]
        args = decode(req.get("args", []), self.resolve)
        kwargs = decode(req.get("kwargs", {"$dict": []}), self.resolve)
        if op == "call":
            return self.target(req)(*args, **kwargs)
        if op == "get":
            return self.target(req)
        if op == "probe":
            scope = {"__name__": "__grader_probe__"}
            exec(compile(req["code"], "<grader-probe>", "exec"), scope)
            return scope["probe"](_Namespace(self), *args, **kwargs)
        raise ValueError(f"unknown request {op!r}")

    def handle(self, request_text):
        try:
            value = self.dispatch(loads(request_text))
            reply = {"ok": True, "value": encode(value, self.make_handle)}
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt are answers too
            reply = {"ok": False, "error": self.describe(exc)}
        try:
            text = dumps(reply)
        except BaseException as exc:  # noqa: BLE001
            text = dumps({"ok": False, "error": self.describe(exc)})
        self.publish({REPLY_MIME: text})

    @staticmethod
    def describe(exc):
        try:
            mro = [c.__name__ for c in type(exc).__mro__]
            frames = [f for f in _traceback.extract_tb(exc.__traceback__)
                      if f.filename not in (AGENT_FILE, "<grader-probe>")]
            tb = "".join(_traceback.format_list(frames[-8:]))
            message = str(exc)
        except BaseException:  # noqa: BLE001 - a hostile __str__ must not break the reply
            mro, tb, message = ["BaseException"], "", "(the exception could not be described)"
        return {"type": mro[0], "mro": mro, "message": message[:2000], "traceback": tb[-4000:]}


def _install():
    from IPython import get_ipython
    from IPython.display import publish_display_data

    shell = get_ipython()
    agent = Agent(shell.user_ns, publish_display_data)
    shell.user_ns["__grader_agent__"] = agent
    return agent


_install()
