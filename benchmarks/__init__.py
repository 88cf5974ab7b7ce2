"""Benchmarks of Lethe against Orthanc 1.10.1: ``python -m benchmarks --help``.

- :mod:`benchmarks.datasets` generates the deterministic data sets (cached);
- :mod:`benchmarks.servers` starts both servers on empty storage and measures
  the peak memory of each server's whole process tree;
- :mod:`benchmarks.steps` holds the steps run against both servers;
- :mod:`benchmarks.report` prints one table per data set;
- :mod:`benchmarks.profile` summarises py-spy profiles of Lethe.
"""
