"""Residents' needs (问需于民): classification of free text, value parsing and the import of needs tables."""
