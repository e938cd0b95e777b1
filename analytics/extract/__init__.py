"""The pure extraction core: text in, figures out. No files, no database.

`extract_figures(text, published_at, doc_id=..., entry_id=...)` reads one entry.
The only project module it imports is `analytics.model`, the record types.
"""

from analytics.extract.engine import extract_figures

__all__ = ["extract_figures"]
