"""Report: terminal (Rich), JSON (the contract), Markdown."""

from .json import answers_to_json, page_to_dict, report_to_dict, to_json

__all__ = [
    "to_json",
    "report_to_dict",
    "page_to_dict",
    "answers_to_json",
    "to_markdown",
    "answers_to_markdown",
    "print_report",
    "print_answers",
]

# The terminal report pulls in Rich, which a worker writing JSON rows never needs: the Markdown
# and terminal writers are imported on first use.
_LAZY = {
    "to_markdown": "markdown",
    "answers_to_markdown": "markdown",
    "print_report": "terminal",
    "print_answers": "terminal",
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
