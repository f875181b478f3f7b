"""Give the public names their public path, as svcs and httpx do."""

from __future__ import annotations


def publish(obj: object, module: str = "legcramps") -> None:
    """Show *module* as the home of the class or function *obj*, in reprs, docs and pickles.

    A class's own methods move with it, so that the docstring examples of the class
    and of its methods are collected from one module.
    """
    home = getattr(obj, "__module__", None)
    obj.__module__ = module
    for member in vars(obj).values() if isinstance(obj, type) else ():
        func = member.fget if isinstance(member, property) else member
        func = getattr(func, "__func__", func)  # a classmethod's or a staticmethod's
        if hasattr(func, "__code__") and getattr(func, "__module__", None) == home:
            func.__module__ = module
