"""Tests of the search text layer (search.analysis, querying, highlighting)."""
