"""Full-text search of the archive: Chinese analysis, the search box's query language, snippets."""
