"""Benchmarks for 政报档案: ``python bench/run.py --sizes 100 1000`` (see bench/run.py)."""
