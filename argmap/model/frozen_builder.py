"""Build frozen, slotted dataclass instances from positional values, at half the cost.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` (its own
``__setattr__`` refuses); for a claim's dozen fields that is most of the cost of making it, and
loading a 100,000-claim map makes a few hundred thousand such objects. A builder sets each slot
through the slot's own descriptor instead, which is where ``object.__setattr__`` ends up, so the
instance is the same: equal, hashable, frozen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, is_dataclass
from types import MemberDescriptorType
from typing import Any, TypeVar

T = TypeVar("T")


def positional_builder(cls: type[T]) -> Callable[..., T]:
    """A function taking every field of ``cls``, in order, returning ``cls(*values)``'s equal.

    There are no defaults: every field is passed. Only for frozen dataclasses with slots and
    without ``__post_init__``, whose ``__init__`` does nothing but set the fields.
    """
    if not is_dataclass(cls) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} is not a plain dataclass")
    names = [f.name for f in fields(cls)]
    setters: dict[str, Any] = {}
    for index, name in enumerate(names):
        slot = cls.__dict__.get(name)
        if not isinstance(slot, MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{name} is not a slot")
        setters[f"_set{index}"] = slot.__set__
    # Generated like the dataclass's own __init__: one statement per field, no loop.
    parameters = ", ".join(f"_v{index}" for index in range(len(names)))
    body = "".join(f"    _set{index}(_obj, _v{index})\n" for index in range(len(names)))
    source = f"def build({parameters}):\n    _obj = _new(_cls)\n{body}    return _obj\n"
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec(source, namespace)  # noqa: S102 - the source is built from field positions only
    build: Callable[..., T] = namespace["build"]
    build.__name__ = build.__qualname__ = f"build_{cls.__name__}"
    build.__doc__ = f"A {cls.__name__} from all its fields, in order: {', '.join(names)}."
    return build
