"""The DICOM network of a server: its settings, its modalities, its listener, its queries.

:class:`DicomNetwork` is what the application keeps (``app.state.network``): made from the
configuration when the application is created, started and stopped with it. What the REST
API changes at run time (modalities, accepted transfer syntaxes, unknown SOP classes) is
changed here, under a lock, and applies to the next association.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lethe.network.associations import AssociationCache
from lethe.network.commitment import Reports
from lethe.network.findscp import FindSettings
from lethe.network.modalities import AccessPolicy, ModalityRegistry, RemoteModality
from lethe.network.peers import PeerRegistry
from lethe.network.syntaxes import (
    accepted_sop_classes,
    accepted_syntaxes,
    is_rejected,
    is_unknown_uid,
    validate_patterns,
)
from lethe.network.tls import TlsSettings

if TYPE_CHECKING:
    from lethe.config import Config
    from lethe.hooks.dispatcher import Dispatcher
    from lethe.jobs.engine import JobEngine
    from lethe.jobs.pool import WorkerPool
    from lethe.network.queries import QueryArchive
    from lethe.network.scu import Peer
    from lethe.network.server import DicomServer
    from lethe.store.store import Store

log = logging.getLogger(__name__)

MINIMUM_PDU, MAXIMUM_PDU = 4096, 131072


@dataclass(frozen=True)
class NetworkSettings:
    """The DICOM options of the configuration, with Orthanc's names in the comments."""

    enabled: bool = True                 # DicomServerEnabled
    aet: str = "LETHE"                   # DicomAet
    port: int = 4242                     # DicomPort
    bind_address: str = "0.0.0.0"        # DicomBindAddress (Lethe's; Orthanc binds all)
    check_called_aet: bool = False       # DicomCheckCalledAet
    scp_timeout: int = 30                # DicomScpTimeout
    scu_timeout: int = 10                # DicomScuTimeout
    maximum_pdu_length: int = 16384      # MaximumPduLength
    association_close_delay: int = 5     # DicomAssociationCloseDelay
    default_encoding: str = "Latin1"     # DefaultEncoding
    case_sensitive_pn: bool = False      # CaseSensitivePN
    limit_find_results: int = 0          # LimitFindResults
    limit_find_instances: int = 0        # LimitFindInstances
    echo_checks_find: bool = False       # DicomEchoChecksFind
    log_exported_resources: bool = False  # LogExportedResources
    query_retrieve_size: int = 100       # QueryRetrieveSize
    lossy_quality: int = 90              # DicomLossyTranscodingQuality

    @classmethod
    def from_config(cls, config: Config) -> NetworkSettings:
        """The settings of ``config``; ``ValueError`` naming the key of a bad value."""
        pdu = config.MaximumPduLength
        if not MINIMUM_PDU <= pdu <= MAXIMUM_PDU:
            raise ValueError(f"key 'MaximumPduLength' must be in [{MINIMUM_PDU}, "
                             f"{MAXIMUM_PDU}], got {pdu}")
        return cls(config.DicomServerEnabled, config.DicomAet, config.DicomPort,
                   config.DicomBindAddress, config.DicomCheckCalledAet, config.DicomScpTimeout,
                   config.DicomScuTimeout, pdu, config.DicomAssociationCloseDelay,
                   config.DefaultEncoding, config.CaseSensitivePN, config.LimitFindResults,
                   config.LimitFindInstances, config.DicomEchoChecksFind,
                   config.LogExportedResources, config.QueryRetrieveSize,
                   config.DicomLossyTranscodingQuality)


def access_policy(config: Config) -> AccessPolicy:
    """The admission rules of ``config`` (``DicomAlwaysAllow*``, ``DicomCheckModalityHost``,
    ``StrictAetComparison``)."""
    return AccessPolicy(config.DicomAlwaysAllowEcho, config.DicomAlwaysAllowStore,
                        config.DicomAlwaysAllowFind, config.DicomAlwaysAllowFindWorklist,
                        config.DicomAlwaysAllowMove,
                        config.DicomAlwaysAllowGet, config.DicomCheckModalityHost,
                        config.StrictAetComparison)


class DicomNetwork:
    """The DICOM side of one server. Every method may be called from any thread."""

    def __init__(self, settings: NetworkSettings, modalities: ModalityRegistry,
                 accepted: list[str] | None = None,
                 unknown_sop_class_accepted: bool = False,
                 peers: PeerRegistry | None = None,
                 sop_classes: tuple[list[str], list[str]] = ([], []),
                 tls: TlsSettings | None = None) -> None:
        """``sop_classes``: ``AcceptedSopClasses`` and ``RejectedSopClasses``."""
        from lethe.network.queries import QueryArchive
        from lethe.network.worklists import WorklistSettings

        self.settings = settings
        self.modalities = modalities
        self.peers = peers or PeerRegistry()
        self._store: Store | None = None
        self._pool: WorkerPool | None = None
        self._jobs: JobEngine | None = None
        self.commitments = Reports()
        self.hooks: Dispatcher | None = None  # the filters of Lua and Python hooks
        self.worklists = WorklistSettings()  # the worklist SCP (Worklists, see from_config)
        self.queries: QueryArchive = QueryArchive(settings.query_retrieve_size)
        self._lock = threading.Lock()
        self._accepted = list(accepted if accepted is not None else ["1.2.840.10008.1.*"])
        self._accepted_syntaxes = accepted_syntaxes(self._accepted)
        self._unknown_sop_class_accepted = unknown_sop_class_accepted
        self._rejected_sop_classes = list(sop_classes[1])
        self._sop_classes = accepted_sop_classes(*sop_classes)
        self.tls = tls or TlsSettings()
        self.lua_associations = AssociationCache(settings.association_close_delay)
        self._server: DicomServer | None = None

    @classmethod
    def from_config(cls, config: Config) -> DicomNetwork:
        """The network of ``config``, not attached to a store yet (:meth:`attach`);
        ``ValueError`` naming the key of a bad value."""
        settings = NetworkSettings.from_config(config)
        modalities = ModalityRegistry.from_config(config.DicomModalities, access_policy(config))
        accepted = validate_patterns(config.AcceptedTransferSyntaxes)
        peers = PeerRegistry.from_config(config.OrthancPeers, config.HttpTimeout)
        network = cls(settings, modalities, accepted, config.UnknownSopClassAccepted, peers,
                      (config.AcceptedSopClasses, config.RejectedSopClasses),
                      TlsSettings.from_config(config))
        from lethe.network.worklists import WorklistSettings

        network.worklists = WorklistSettings.from_config(config)
        return network

    def attach(self, store: Store, pool: WorkerPool, jobs: JobEngine | None = None
               ) -> DicomNetwork:
        """Serve ``store``, received files being parsed in ``pool``, jobs of the listener
        (storage commitment) run by ``jobs``; returns the network."""
        self._store, self._pool, self._jobs = store, pool, jobs
        return self

    @property
    def jobs(self) -> JobEngine:
        """The job engine of the server (:meth:`attach`)."""
        assert self._jobs is not None, "attach() the network to a job engine first"
        return self._jobs

    @property
    def store(self) -> Store:
        """The store the network serves (:meth:`attach`)."""
        assert self._store is not None, "attach() the network to a store first"
        return self._store

    @property
    def pool(self) -> WorkerPool:
        """The worker pool that parses received files (:meth:`attach`)."""
        assert self._pool is not None, "attach() the network to a store first"
        return self._pool

    # --- listener ---------------------------------------------------------------------
    def start(self) -> None:
        """Start the listener (``DicomServerEnabled``). Raises ``OSError`` when ``DicomPort``
        cannot be bound."""
        if not self.settings.enabled or self._server is not None:
            return
        from lethe.network.server import DicomServer

        server = DicomServer(self)
        server.start()
        self._server = server

    def stop(self) -> None:
        """Stop the listener, if it runs."""
        server, self._server = self._server, None
        if server is not None:
            server.stop()
        self.lua_associations.close()

    @property
    def listening_port(self) -> int | None:
        """The port the listener is bound to, or None when it does not run."""
        return self._server.port if self._server is not None else None

    # --- what the REST API changes --------------------------------------------------
    def accepted_patterns(self) -> list[str]:
        """``AcceptedTransferSyntaxes`` as it stands."""
        with self._lock:
            return list(self._accepted)

    def accepted_syntaxes(self) -> list[str]:
        """The transfer syntaxes the listener accepts for storage, preferred first."""
        with self._lock:
            return list(self._accepted_syntaxes)

    def set_accepted_patterns(self, patterns: list[str]) -> None:
        """Replace ``AcceptedTransferSyntaxes`` (for the next associations)."""
        syntaxes = accepted_syntaxes(patterns)
        with self._lock:
            self._accepted, self._accepted_syntaxes = list(patterns), syntaxes

    def unknown_sop_class_accepted(self) -> bool:
        """``UnknownSopClassAccepted`` as it stands."""
        with self._lock:
            return self._unknown_sop_class_accepted

    def set_unknown_sop_class_accepted(self, accepted: bool) -> None:
        """Change ``UnknownSopClassAccepted`` (for the next associations)."""
        with self._lock:
            self._unknown_sop_class_accepted = accepted

    def accepted_sop_classes(self) -> list[str]:
        """The SOP classes the listener accepts for C-STORE (``/tools/accepted-sop-classes``:
        ``AcceptedSopClasses`` less ``RejectedSopClasses``), sorted as text."""
        return sorted(self._sop_classes)

    def accepts_sop_class(self, uid: str) -> bool:
        """Whether the listener takes instances of the SOP class ``uid``: an accepted one,
        or (``UnknownSopClassAccepted``) a UID that is no standard UID and is not rejected."""
        if uid in self._sop_classes:
            return True
        return self.unknown_sop_class_accepted() and is_unknown_uid(uid) and \
            not is_rejected(uid, self._rejected_sop_classes)

    # --- what the services need -------------------------------------------------------
    def find_settings(self) -> FindSettings:
        """What the C-FIND answers depend on."""
        s = self.settings
        return FindSettings(s.aet, s.default_encoding, s.case_sensitive_pn,
                            s.limit_find_results, s.limit_find_instances)

    def peer(self, modality: RemoteModality, local_aet: str | None = None,
             timeout: int | None = None) -> Peer:
        """How to call ``modality``: as ``local_aet`` (else its ``LocalAet``, else
        ``DicomAet``), with ``timeout`` (else its ``Timeout``, else ``DicomScuTimeout``)."""
        from lethe.hooks.filters import outgoing_check
        from lethe.network.scu import Peer

        if timeout is None:
            timeout = modality.timeout or self.settings.scu_timeout
        tls = self.tls.client_context() if modality.use_dicom_tls else None
        return Peer(modality, local_aet or modality.local_aet or self.settings.aet, timeout,
                    self.settings.maximum_pdu_length, tls,
                    None if self.hooks is None else outgoing_check(self.hooks))
