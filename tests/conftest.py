"""Test-wide hooks: report the accuracy scores at the end of every run."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter) -> None:
    import sys

    test_accuracy = sys.modules.get("test_accuracy")
    if test_accuracy is None:
        return

    scores = getattr(test_accuracy, "SCORES", {})
    if scores:
        terminalreporter.section("extraction accuracy")
        for name, line in sorted(scores.items()):
            terminalreporter.write_line(f"{name:18} {line}")
