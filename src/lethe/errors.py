"""Orthanc's error codes, and the one exception type every layer raises.

Every layer (dicom, store, jobs, api) raises :class:`LetheError` with an
:class:`ErrorCode`; the HTTP layer turns it into Orthanc's JSON error body in
one place. The codes, descriptions and HTTP statuses are Orthanc's.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(Enum):
    """An Orthanc error: numeric code, HTTP status and description."""

    INTERNAL_ERROR = (-1, 500, "Internal error")
    SUCCESS = (0, 200, "Success")
    PLUGIN = (1, 500, "Error encountered within the plugin engine")
    NOT_IMPLEMENTED = (2, 501, "Not implemented yet")
    PARAMETER_OUT_OF_RANGE = (3, 400, "Parameter out of range")
    NOT_ENOUGH_MEMORY = (4, 500, "The server hosting Orthanc is running out of memory")
    BAD_PARAMETER_TYPE = (5, 400, "Bad type for a parameter")
    BAD_SEQUENCE_OF_CALLS = (6, 400, "Bad sequence of calls")
    INEXISTENT_ITEM = (7, 404, "Accessing an inexistent item")
    BAD_REQUEST = (8, 400, "Bad request")
    NETWORK_PROTOCOL = (9, 500, "Error in the network protocol")
    SYSTEM_COMMAND = (10, 500, "Error while calling a system command")
    DATABASE = (11, 500, "Error with the database engine")
    URI_SYNTAX = (12, 400, "Badly formatted URI")
    INEXISTENT_FILE = (13, 404, "Inexistent file")
    CANNOT_WRITE_FILE = (14, 500, "Cannot write to file")
    BAD_FILE_FORMAT = (15, 400, "Bad file format")
    TIMEOUT = (16, 500, "Timeout")
    UNKNOWN_RESOURCE = (17, 404, "Unknown resource")
    INCOMPATIBLE_DATABASE_VERSION = (18, 500, "Incompatible version of the database")
    FULL_STORAGE = (19, 507, "The file storage is full")
    CORRUPTED_FILE = (20, 500, "Corrupted file (e.g. inconsistent MD5 hash)")
    INEXISTENT_TAG = (21, 404, "Inexistent tag")
    READ_ONLY = (22, 500, "Cannot modify a read-only data structure")
    INCOMPATIBLE_IMAGE_FORMAT = (23, 400, "Incompatible format of the images")
    INCOMPATIBLE_IMAGE_SIZE = (24, 400, "Incompatible size of the images")
    SHARED_LIBRARY = (25, 500, "Error while using a shared library (plugin)")
    UNKNOWN_PLUGIN_SERVICE = (26, 500, "Plugin invoking an unknown service")
    UNKNOWN_DICOM_TAG = (27, 400, "Unknown DICOM tag")
    BAD_JSON = (28, 400, "Cannot parse a JSON document")
    UNAUTHORIZED = (29, 401, "Bad credentials were provided to an HTTP request")
    BAD_FONT = (30, 500, "Badly formatted font file")
    DATABASE_PLUGIN = (31, 500, "The plugin implementing a custom database back-end does not fulfill the proper interface")
    STORAGE_AREA_PLUGIN = (32, 500, "Error in the plugin implementing a custom storage area")
    EMPTY_REQUEST = (33, 400, "The request is empty")
    NOT_ACCEPTABLE = (34, 406, "Cannot send a response which is acceptable according to the Accept HTTP header")
    NULL_POINTER = (35, 500, "Cannot handle a NULL pointer")
    DATABASE_UNAVAILABLE = (36, 503, "The database is currently not available (probably a transient situation)")
    CANCELED_JOB = (37, 500, "This job was canceled")
    BAD_GEOMETRY = (38, 400, "Geometry error encountered in Stone")
    SSL_INITIALIZATION = (39, 500, "Cannot initialize SSL encryption, check out your certificates")
    DISCONTINUED_ABI = (40, 500, "Calling a function that has been removed from the Orthanc Framework")
    BAD_RANGE = (41, 416, "Incorrect range request")
    DATABASE_CANNOT_SERIALIZE = (42, 503, "Database could not serialize access due to concurrent update, the transaction should be retried")
    REVISION = (43, 409, "A bad revision number was provided, which might indicate conflict between multiple writers")
    MAIN_DICOM_TAGS_MULTIPLY_DEFINED = (44, 500, "A main DICOM Tag has been defined multiple times for the same resource level")
    FORBIDDEN_ACCESS = (45, 403, "Access to a resource is forbidden")
    DUPLICATE_RESOURCE = (46, 409, "Duplicate resource")
    UNKNOWN_MODALITY = (2003, 404, "Unknown modality")
    BAD_JOB_ORDERING = (2004, 400, "Bad ordering of filters in a job")
    NO_CFIND_HANDLER = (2005, 500, "No request handler factory for DICOM C-FIND SCP")
    CANNOT_STORE_INSTANCE = (2018, 500, "Cannot store an instance")
    CANNOT_EXECUTE_LUA = (2031, 500, "Cannot execute a Lua command")
    CREATE_DICOM_NOT_STRING = (2019, 400, "Only string values are supported when creating DICOM instances")
    CREATE_DICOM_OVERRIDE_TAG = (2020, 400, "Trying to override a value inherited from a parent module")
    CREATE_DICOM_USE_CONTENT = (2021, 400, 'Use "Content" to inject an image into a new DICOM instance')
    CREATE_DICOM_NO_PAYLOAD = (2022, 400, "No payload is present for one instance in the series")
    CREATE_DICOM_USE_DATA_URI_SCHEME = (2023, 400, "The payload of the DICOM instance must be specified according to Data URI scheme")
    CREATE_DICOM_BAD_PARENT = (2024, 400, "Trying to attach a new DICOM instance to an inexistent resource")
    CREATE_DICOM_PARENT_IS_INSTANCE = (2025, 400, "Trying to attach a new DICOM instance to an instance (must be a series, study or patient)")
    ALREADY_EXISTING_TAG = (2026, 409, "Cannot override the value of a tag that already exists")
    CANNOT_ORDER_SLICES = (2040, 500, "Unable to order the slices of the series")
    UNSUPPORTED_MEDIA_TYPE = (3000, 415, "Unsupported media type")
    REQUEST_TOO_LARGE = (3001, 413, "Request entity too large")

    @property
    def code(self) -> int:
        """Orthanc's numeric status (``OrthancStatus``)."""
        return self.value[0]

    @property
    def http_status(self) -> int:
        """The HTTP status Lethe answers with."""
        return self.value[1]

    @property
    def description(self) -> str:
        """Orthanc's description (``OrthancError`` and ``Message``)."""
        return self.value[2]


class LetheError(Exception):
    """An error with Orthanc's code and optional details for the client.

    ``details`` may echo what the client sent; it must never contain values
    read from stored patient files (name the tag instead).
    ``http_status`` overrides the code's default status where Lethe answers
    differently from Orthanc (for example 400 where Orthanc answers 500).
    """

    def __init__(
        self, code: ErrorCode, details: str = "", *, http_status: int | None = None
    ) -> None:
        super().__init__(details or code.description)
        self.code = code
        self.details = details
        self.http_status = http_status if http_status is not None else code.http_status

    def __reduce__(self):  # picklable across worker processes
        return (_rebuild, (self.code.name, self.details, self.http_status))


def _rebuild(name: str, details: str, http_status: int) -> LetheError:
    return LetheError(ErrorCode[name], details, http_status=http_status)


def bad_request(details: str) -> LetheError:
    """Orthanc's ``Bad request`` (8, HTTP 400)."""
    return LetheError(ErrorCode.BAD_REQUEST, details)


def bad_file_format(details: str) -> LetheError:
    """Orthanc's ``Bad file format`` (15, HTTP 400)."""
    return LetheError(ErrorCode.BAD_FILE_FORMAT, details)


def out_of_range(details: str) -> LetheError:
    """Orthanc's ``Parameter out of range`` (3, HTTP 400)."""
    return LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE, details)


def unknown_resource(details: str = "") -> LetheError:
    """Orthanc's ``Unknown resource`` (17, HTTP 404)."""
    return LetheError(ErrorCode.UNKNOWN_RESOURCE, details)
