"""Routes of decoded images: ``/instances/{id}/preview``, ``/rendered``, ``/image-uint8``,
``/image-uint16``, ``/image-int16``, ``/matlab``, ``/numpy``, the same for each frame under
``/instances/{id}/frames/{n}/`` (with ``raw`` and ``raw.gz``), ``/series/{id}/numpy`` and
``/instances/{id}/pdf``. The pixels are those of :mod:`lethe.dicom.rendering`.

Answers follow Orthanc: PNG unless ``Accept`` asks for ``image/jpeg`` (``quality``, 1 to 100,
default 90) or ``image/x-portable-arbitrarymap``; a frame that does not exist is 404 on the
image routes and 400 on ``raw``, ``numpy`` and ``matlab``; what cannot be decoded is 415
(with the reason). Where Orthanc answers a bad argument with a 404 or a 415 without
details (``window-width=abc``, ``width=-1``, ``smooth=maybe``, ``quality=0``), Lethe answers
400 naming the argument, and 406 when ``Accept`` names no image type it writes (Orthanc:
404). ``returnUnsupportedImage`` is ignored (Lethe serves no ``unsupported.png``).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from typing import Any

from pydicom.dataset import Dataset
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lethe.api.resources import store_of
from lethe.api.responses import json_response
from lethe.api.threads import run_in_thread
from lethe.dicom import rendering
from lethe.errors import ErrorCode, LetheError
from lethe.store.model import Level
from lethe.store.store import Store

FRAME_ROUTES = ["image-int16", "image-uint16", "image-uint8", "matlab", "numpy", "preview",
                "raw", "raw.gz", "rendered"]
NUMPY_TYPE = "application/octet-stream"  # what Orthanc answers (its OpenAPI says text/plain)
_MODES: dict[str, rendering.Mode] = {"preview": "preview", "image-uint8": "uint8",
                                     "image-uint16": "uint16", "image-int16": "int16"}


def _bad_argument(name: str, value: str, expected: str) -> LetheError:
    return LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                      f'Bad value for argument "{name}": "{value}" ({expected})')


def _boolean(request: Request, name: str, default: bool) -> bool:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if raw.lower() in ("", "true", "1"):
        return True
    if raw.lower() in ("false", "0"):
        return False
    raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                     f'Expected a Boolean for GET argument "{name}", found: {raw}')


def _number(request: Request, name: str) -> float | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        return float(raw)
    except ValueError:
        raise _bad_argument(name, raw, "a number") from None


def _size(request: Request, name: str) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return 0
    if not raw.strip().isdigit():
        raise _bad_argument(name, raw, "a non-negative integer")
    return int(raw)


def _quality(request: Request) -> int:
    raw = request.query_params.get("quality", "90")
    if not raw.isdigit() or not 1 <= int(raw) <= 100:
        raise _bad_argument("quality", raw, "a JPEG quality from 1 to 100")
    return int(raw)


def _frame_index(request: Request, strict: bool) -> int:
    """The ``{frame}`` of the path (0 on the instance routes). Not a number: 404 as in
    Orthanc, or, with ``strict`` (numpy), 400."""
    raw = request.path_params.get("frame", "0")
    if raw.isdigit():
        return int(raw)
    if strict:
        raise LetheError(ErrorCode.PARAMETER_OUT_OF_RANGE,
                         'Expected an unsigned integer for the "frame" argument')
    raise LetheError(ErrorCode.UNKNOWN_RESOURCE, f'no frame "{raw}"')


def _dataset(request: Request) -> Dataset:
    """The instance's data set, pixel data included (404 if the instance is unknown)."""
    store = store_of(request)
    instance_id = request.path_params["id"]
    store.resource(instance_id, Level.INSTANCE)
    return store.read_dataset(instance_id, stop_before_pixels=False)


def _decoded(dataset: Dataset, index: int) -> Any:
    """A frame for an image route: a frame that does not exist is 404 there."""
    try:
        return rendering.decode_frame(dataset, index)
    except rendering.FrameNotFound as missing:
        raise LetheError(ErrorCode.UNKNOWN_RESOURCE, missing.details) from None


def _monochrome1(dataset: Dataset) -> bool:
    return str(dataset.get("PhotometricInterpretation", "")).strip().upper() == "MONOCHROME1"


async def _answer_image(request: Request, render: Callable[[Dataset, Any, int], Any]
                        ) -> Response:
    """Decode the frame, ``render(dataset, frame, index)`` it, and encode the result as the
    ``Accept`` header asks."""
    mime = rendering.negotiate(request.headers.get("accept"))
    if mime is None:
        raise LetheError(ErrorCode.NOT_ACCEPTABLE, "Accept names no image type Lethe writes "
                         "(image/png, image/jpeg, image/x-portable-arbitrarymap)")
    quality = _quality(request)
    index = _frame_index(request, strict=False)

    def work() -> bytes:
        dataset = _dataset(request)
        image = render(dataset, _decoded(dataset, index), index)
        return rendering.encode(image, mime, quality)
    return Response(await run_in_thread(work), media_type=mime)


def _extraction(mode: rendering.Mode) -> Callable[[Dataset, Any, int], Any]:
    def render(dataset: Dataset, frame: Any, index: int) -> Any:
        if mode == "preview":
            return rendering.preview(frame, _monochrome1(dataset))
        return rendering.truncated(frame, mode)
    return render


async def get_extraction(request: Request) -> Response:
    kind = request.url.path.rsplit("/", 1)[1]
    return await _answer_image(request, _extraction(_MODES[kind]))


async def get_rendered(request: Request) -> Response:
    center, width = _number(request, "window-center"), _number(request, "window-width")
    columns, rows = _size(request, "width"), _size(request, "height")
    smooth = _boolean(request, "smooth", False)

    def render(dataset: Dataset, frame: Any, index: int) -> Any:
        intercept, slope = rendering.rescale(dataset, index)
        default_center, default_width = rendering.windowing(dataset, index)
        size = rendering.target_size(frame, columns, rows) if columns or rows else None
        return rendering.rendered(
            frame, intercept=intercept, slope=slope,
            center=default_center if center is None else center,
            width=default_width if width is None else width,
            invert=_monochrome1(dataset), size=size, smooth=smooth)
    return await _answer_image(request, render)


async def list_frames(request: Request) -> Response:
    def work() -> list[int]:
        return list(range(rendering.frames_count(_dataset(request))))
    return json_response(await run_in_thread(work))


async def list_frame_routes(request: Request) -> Response:
    _frame_index(request, strict=False)
    await run_in_thread(store_of(request).resource, request.path_params["id"],
                        Level.INSTANCE)
    return json_response(FRAME_ROUTES)


async def get_matlab(request: Request) -> Response:
    index = _frame_index(request, strict=False)

    def work() -> str:
        return rendering.matlab(rendering.decode_frame(_dataset(request), index))
    return Response((await run_in_thread(work)).encode("ascii"), media_type="text/plain")


async def get_raw(request: Request) -> Response:
    index = _frame_index(request, strict=False)
    compressed = request.url.path.endswith(".gz")

    def work() -> tuple[bytes, str]:
        data, mime = rendering.raw_frame(_dataset(request), index)
        if compressed:
            return gzip.compress(data), "application/gzip"
        return data, mime
    data, mime = await run_in_thread(work)
    return Response(data, media_type=mime)


def _numpy_options(request: Request) -> tuple[bool, bool]:
    return _boolean(request, "compress", False), _boolean(request, "rescale", True)


async def get_numpy(request: Request) -> Response:
    """``/instances/{id}/numpy`` (every frame) and ``/instances/{id}/frames/{n}/numpy``."""
    one = "frame" in request.path_params
    index = _frame_index(request, strict=True) if one else 0
    compress, rescale = _numpy_options(request)

    def work() -> bytes:
        dataset = _dataset(request)
        indices = [index] if one else list(range(rendering.frames_count(dataset)))
        if not indices:
            raise LetheError(ErrorCode.BAD_FILE_FORMAT, "Empty DICOM instance")
        frames = [rendering.decode_frame(dataset, i) for i in indices]
        factors = [rendering.rescale(dataset, i) for i in indices] if rescale else None
        return rendering.numpy_file(frames, shape_of_one=one, compress=compress,
                                    rescaled=factors)
    return Response(await run_in_thread(work), media_type=NUMPY_TYPE)


async def get_series_numpy(request: Request) -> Response:
    """``/series/{id}/numpy``: every frame of the series, its instances in Orthanc's slice
    order."""
    series_id = request.path_params["id"]
    compress, rescale = _numpy_options(request)

    def work() -> bytes:
        store = store_of(request)
        store.resource(series_id, Level.SERIES)
        frames, factors = [], []
        for instance_id in ordered_slices(store, series_id):
            dataset = store.read_dataset(instance_id, stop_before_pixels=False)
            for index in range(rendering.frames_count(dataset)):
                frames.append(rendering.decode_frame(dataset, index))
                factors.append(rendering.rescale(dataset, index))
        if not frames:
            raise LetheError(ErrorCode.BAD_FILE_FORMAT, "Empty DICOM series")
        return rendering.numpy_file(frames, shape_of_one=False, compress=compress,
                                    rescaled=factors if rescale else None)
    return Response(await run_in_thread(work), media_type=NUMPY_TYPE)


def ordered_slices(store: Store, series_id: str) -> list[str]:
    """The instances of a series in Orthanc's slice order (``SliceOrdering``): along the
    normal of the series' ImageOrientationPatient when every instance has a position on it
    and no two share one, else by IndexInSeries, else 400."""
    instances = store.instances_of(series_id)
    if len(instances) <= 1:
        return instances
    normal = _normal(store.main_tags(series_id).get("ImageOrientationPatient", ""))
    if normal is not None:
        positions = []
        for instance_id in instances:
            tags = store.main_tags(instance_id)
            position = _vector(tags.get("ImagePositionPatient", ""), 3)
            own = _normal(tags.get("ImageOrientationPatient", ""))
            if position is None or (own is not None and not _parallel(own, normal)):
                break
            positions.append((sum(n * p for n, p in zip(normal, position, strict=True)),
                              instance_id))
        else:
            positions.sort(key=lambda item: item[0])
            distinct = all(abs(b[0] - a[0]) > 1.2e-6 for a, b in zip(positions, positions[1:],
                                                                     strict=False))
            if distinct:
                return [instance_id for _, instance_id in positions]
    indices = []
    for instance_id in instances:
        value = store.metadata(instance_id).get("IndexInSeries", "").strip()
        if not value.isdigit():
            raise LetheError(ErrorCode.BAD_REQUEST,
                             f"Unable to order the slices of series {series_id}")
        indices.append((int(value), instance_id))
    return [instance_id for _, instance_id in sorted(indices, key=lambda item: item[0])]


def _vector(text: str, size: int) -> list[float] | None:
    parts = text.split("\\")
    if len(parts) != size:
        return None
    try:
        return [float(part.strip()) for part in parts]
    except ValueError:
        return None


def _normal(text: str) -> list[float] | None:
    cosines = _vector(text, 6)
    if cosines is None:
        return None
    a = cosines
    return [a[1] * a[5] - a[2] * a[4], a[2] * a[3] - a[0] * a[5], a[0] * a[4] - a[1] * a[3]]


def _parallel(u: list[float], v: list[float]) -> bool:
    norm = (sum(x * x for x in u) * sum(x * x for x in v)) ** 0.5
    if norm < 1.2e-6:
        return False
    cosine = sum(x * y for x, y in zip(u, v, strict=True)) / norm
    return abs(abs(cosine) - 1.0) < 1.2e-6


async def get_pdf(request: Request) -> Response:
    def work() -> bytes:
        pdf = rendering.encapsulated_pdf(_dataset(request))
        if pdf is None:
            raise LetheError(ErrorCode.UNKNOWN_RESOURCE,
                             "the instance is not an Encapsulated PDF document")
        return pdf
    return Response(await run_in_thread(work), media_type="application/pdf")


_INSTANCE, _FRAME = "/instances/{id}", "/instances/{id}/frames/{frame}"
routes = [
    Route(_INSTANCE + "/frames", list_frames, methods=["GET"]),
    Route(_FRAME, list_frame_routes, methods=["GET"]),
    *(Route(f"{prefix}/{kind}", get_extraction, methods=["GET"])
      for prefix in (_INSTANCE, _FRAME) for kind in _MODES),
    Route(_INSTANCE + "/rendered", get_rendered, methods=["GET"]),
    Route(_FRAME + "/rendered", get_rendered, methods=["GET"]),
    Route(_INSTANCE + "/matlab", get_matlab, methods=["GET"]),
    Route(_FRAME + "/matlab", get_matlab, methods=["GET"]),
    Route(_INSTANCE + "/numpy", get_numpy, methods=["GET"]),
    Route(_FRAME + "/numpy", get_numpy, methods=["GET"]),
    Route(_FRAME + "/raw", get_raw, methods=["GET"]),
    Route(_FRAME + "/raw.gz", get_raw, methods=["GET"]),
    Route("/series/{id}/numpy", get_series_numpy, methods=["GET"]),
    Route(_INSTANCE + "/pdf", get_pdf, methods=["GET"]),
]
