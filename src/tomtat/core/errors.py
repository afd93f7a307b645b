"""Typed errors, with codes, in one place (after spaCy's errors.py).

Every error names what was wrong (a file, a line, a field) and, where useful, what to do.
The CLI prints ``str(error)`` and exits non-zero; the service answers 4xx with ``to_dict()``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class TomtatError(Exception):
    """Base class of every error the library raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "error": type(self).__name__, "message": self.message}


class InputError(TomtatError):
    """An input (file, line, article) cannot be used."""

    code = "E100"

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 field_name: str | None = None) -> None:
        where = ""
        if source is not None:
            where = source if line is None else f"{source}:{line}"
        if field_name is not None:
            where = f"{where} field '{field_name}'" if where else f"field '{field_name}'"
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message
        self.source = source
        self.line = line
        self.field_name = field_name

    def to_dict(self) -> dict[str, object]:
        out = super().to_dict()
        out.update({"source": self.source, "line": self.line, "field": self.field_name})
        return out


class DecodeError(InputError):
    """A file's bytes are not text in an encoding we can read."""

    code = "E101"


class EmptyInputError(InputError):
    """Nothing usable was left after reading and cleaning."""

    code = "E102"


class OptionsError(TomtatError):
    """An option has a wrong name, type or value."""

    code = "E200"

    def __init__(self, message: str, *, field_name: str) -> None:
        super().__init__(f"option '{field_name}': {message}")
        self.field_name = field_name

    def to_dict(self) -> dict[str, object]:
        out = super().to_dict()
        out["field"] = self.field_name
        return out


class EvaluationError(TomtatError):
    """Predictions and references cannot be matched or scored."""

    code = "E300"


class EngineError(TomtatError):
    """A batch engine cannot run (Ray missing, cluster unreachable, workers keep dying)."""

    code = "E400"


class OutputError(TomtatError):
    """An output path cannot be written (its folder is missing, or it is a folder). A usage error: exit 2."""

    code = "E600"


class ResumeError(TomtatError):
    """An existing output was written from another input or with other options: resuming would mix them."""

    code = "E601"


class ModelError(TomtatError):
    """A scorer model file is missing, unreadable or not a tomtat model."""

    code = "E500"


@dataclass(frozen=True)
class Warning_:
    """A problem that did not stop the run (a skipped file, a dropped line)."""

    message: str
    source: str | None = None
    line: int | None = None
    code: str = "W100"

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"[{self.code}] {where}: {self.message}" if where else f"[{self.code}] {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "source": self.source, "line": self.line}


@dataclass
class Problems:
    """Collects warnings; in strict mode the first problem is raised instead."""

    strict: bool = False
    warnings: list[Warning_] = field(default_factory=list)

    def report(self, error: InputError) -> None:
        if self.strict:
            raise error
        message = f"field '{error.field_name}': {error.reason}" if error.field_name else error.reason
        self.warnings.append(Warning_(message, error.source, error.line, error.code.replace("E", "W")))

    def note(self, message: str, *, source: str | None = None, line: int | None = None,
             code: str = "W900") -> None:
        self.warnings.append(Warning_(message, source, line, code))
