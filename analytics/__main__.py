"""`python -m analytics` is the `figures` command."""

from analytics.cli import main

main()
