"""The offline command line (``lethe anonymize``, ``lethe modify``): the engine on folders, ZIP
files and DICOMDIRs, without a server.

:mod:`lethe.offline.sources` finds the files, :mod:`lethe.offline.run` runs the engine on them
in worker processes (resumable, with a progress line), :mod:`lethe.offline.report` writes what
was done and refused.
"""
