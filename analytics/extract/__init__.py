"""The pure extraction core: text in, figures out. No files, no database.

`extract_figures(text, published_at, doc_id=..., entry_id=...)` reads one entry;
`share_document_sides(figures)` then lets a document's entries settle the sides one
entry alone could not tell, and `share_document_dates(figures)` the day of a live blog's
toll updates.
The only project module it imports is `analytics.model`, the record types.
"""

from analytics.extract.engine import extract_figures, share_document_dates, share_document_sides

__all__ = ["extract_figures", "share_document_dates", "share_document_sides"]
