"""The DICOM network: the listener (SCP), outgoing operations (SCU) and the modalities.

Importing this package is cheap; pynetdicom is loaded by the modules that use it
(:mod:`lethe.network.server`, :mod:`lethe.network.scu`, :mod:`lethe.network.encoded`).
"""
