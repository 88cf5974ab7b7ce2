"""The indexed router picks the route Starlette's full scan picks, for any path and method."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.routing import Match

from lethe.api.routing import IndexedRouter, WordsConvertor

METHODS = ("GET", "POST", "PUT", "DELETE")


def first_full_match(routes, method: str, path: str):
    scope = {"type": "http", "method": method, "path": path, "root_path": ""}
    for route in routes:
        if route.matches(scope)[0] is Match.FULL:
            return route
    return None


@pytest.fixture(scope="module")
def router(tmp_path_factory) -> IndexedRouter:
    from lethe.api.app import create_app
    from lethe.config import config_from_dict

    folder = tmp_path_factory.mktemp("router")
    app = create_app(config_from_dict({"StorageDirectory": str(folder / "storage")}))
    assert isinstance(app.router, IndexedRouter)
    app.state.store.close()
    return app.router


def sample_paths(router: IndexedRouter) -> list[str]:
    """Each route's path with its parameters filled: every word of a word parameter, an ID
    or a name otherwise; and each with a trailing slash and an extra segment."""
    paths = []
    for route in router.routes:
        path = getattr(route, "path", "/")
        fillings = [path]
        for name, convertor in getattr(route, "param_convertors", {}).items():
            values = convertor.words if isinstance(convertor, WordsConvertor) else ("a-b",)
            pattern = re.compile(r"\{" + name + r"(:\w+)?\}")
            fillings = [pattern.sub(value, f) for f in fillings for value in values]
        paths += [p for f in fillings for p in (f, f + "/", f + "/extra")]
    return paths


def test_the_index_is_used(router: IndexedRouter) -> None:
    """Routes are indexed by their first segment (a literal or a word parameter) and their
    number of segments: a path is tried against a few routes."""
    assert not router.candidates("/no-such-segment")
    found = [route.path for route in router.candidates("/instances/x")]
    assert found == ["/instances/{id}/content/{path:path}", "/{level:level}/{id}",
                     "/{level:level}/{id}"]
    assert [route.path for route in router.candidates("/ui/app/index.html")] == ["/ui"]


def test_same_route_as_the_full_scan_for_every_route_path(router: IndexedRouter) -> None:
    paths = sample_paths(router)
    assert len(paths) > 3 * len(router.routes)
    for path in paths:
        for method in METHODS:
            expected = first_full_match(router.routes, method, path)
            assert first_full_match(router.candidates(path), method, path) is expected, \
                (method, path)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_same_route_as_the_full_scan_for_any_path(router: IndexedRouter, data) -> None:
    literals = sorted({segment for route in router.routes
                       for segment in getattr(route, "path", "").split("/")
                       if segment and "{" not in segment})
    segment = st.one_of(st.sampled_from(literals), st.sampled_from(["", "x", "0-1", "%20"]),
                        st.text(min_size=1, max_size=6))
    path = "/" + "/".join(data.draw(st.lists(segment, max_size=6)))
    method = data.draw(st.sampled_from(METHODS))
    expected = first_full_match(router.routes, method, path)
    assert first_full_match(router.candidates(path), method, path) is expected


def test_fallback_keeps_starlette_answers(lethe) -> None:
    """What no route fully matches goes through Starlette's own handling: 405 for a known
    path with another method, 404 for an unknown path."""
    assert lethe.put("/tools/now").status_code == 405
    assert lethe.get("/no-such-route").status_code == 404
    assert lethe.get("/tools/now").status_code == 200
