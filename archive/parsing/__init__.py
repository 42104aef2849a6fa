"""Report parsing, free of Django: bytes in, ParsedReport out (see pipeline.parse_report).

Modules by step: reading (bytes to text), cleaning (repair extraction damage),
structure (heading tree), metadata (header), indicators (stated numbers), and
pipeline, which runs them in order.
"""
