"""Exceptions that name the input and the reason, so one bad document never hides in a batch."""

from __future__ import annotations


class FaultlineError(Exception):
    """Base class of every error Faultline raises on purpose."""


class InputError(FaultlineError):
    """A document or file that cannot be used: ``source`` names it, ``reason`` says why.

    ``code`` is a short machine-readable reason (``empty``, ``binary``, ``not-english``,
    ``unreadable``, ``bad-json``, ...) recorded with discarded documents.
    """

    def __init__(self, source: str, reason: str, code: str = "invalid") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.code = code

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, str]]:
        """Rebuilt from its fields, so an error crosses to and from worker processes intact."""
        return type(self), (self.source, self.reason, self.code)


class EngineError(FaultlineError):
    """An engine that cannot start (a bad scheduler address, no worker); names the cause."""
