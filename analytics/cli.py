"""The `figures` command: a thin shell over the library.

Each command only parses options, calls one library function and prints.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="figures",
    help="Read war reporting into traceable figures: DuckDB, SQL, series and charts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
