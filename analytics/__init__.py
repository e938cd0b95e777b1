"""Turn war reporting into traceable figures.

The pipeline flows one way: files -> documents -> entries -> figures -> claims ->
series -> queries and charts. Each stage is a module of its own; `cli` is a thin
shell over them.
"""

__version__ = "0.1.0"
