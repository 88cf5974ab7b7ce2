"""Accessibility of every page in a real browser: every control labelled and named, reachable
with the Tab key and showing where the focus is, and text contrast of at least 4.5:1 (3:1 for
large text, WCAG 2.1 AA)."""

from __future__ import annotations

import time

import pytest
from pydicom.uid import generate_uid

from tests.support.dicomgen import make_file

# Text that fails the contrast ratio: computed colours, the background being the first
# non-transparent one of the element or its ancestors.
CONTRAST = """() => {
  const rgba = (text) => {
    const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number);
    return [r, g, b, a];
  };
  const luminance = ([r, g, b]) => {
    const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const colour = rgba(getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) return colour;
    }
    return [255, 255, 255, 1];
  };
  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility({ visibilityProperty: true })) continue;
    if (element.closest(":disabled, .visually-hidden, option")) continue;
    const style = getComputedStyle(element);
    const [high, low] = [luminance(rgba(style.color)), luminance(background(element))]
      .sort((a, b) => b - a);
    const ratio = (high + 0.05) / (low + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(`${element.tagName.toLowerCase()}.${element.className} "${node.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
    }
  }
  return failures;
}"""

# The visible controls of the page (the header's and the view's), described.
CONTROLS = """() => [...document.querySelectorAll(
    "a[href], button, input, select, textarea, summary, [tabindex='0']")]
  .filter((e) => e.checkVisibility({ visibilityProperty: true }) && !e.disabled)
  .map((e) => e.outerHTML.slice(0, 120))"""

# Controls without an accessible name, and fields without a label.
UNNAMED = """() => [...document.querySelectorAll("a[href], button, input, select, textarea, img")]
  .filter((e) => {
    if (e.tagName === "IMG") return !e.hasAttribute("alt");
    const named = e.getAttribute("aria-label") || e.getAttribute("aria-labelledby")
      || (e.labels && e.labels.length) || e.textContent.trim()
      || [...e.querySelectorAll("img")].some((image) => image.alt);
    return !named && e.type !== "hidden";
  })
  .map((e) => e.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def resources(server) -> dict[str, str]:
    """A study of two instances, one with a sequence: the Orthanc IDs to visit."""
    study, series = generate_uid(), generate_uid()
    with server.client() as client:
        for n in (1, 2):
            answer = client.post("/instances", content=make_file(
                patient_id="A11Y", study_uid=study, series_uid=series, rows=16, columns=16,
                PatientName="Access^Ible", InstanceNumber=n, StudyDescription="Contrast")).json()
        job = client.post(f"/series/{answer['ParentSeries']}/modify", json={
            "Replace": {"SeriesDescription": "x"}, "Asynchronous": True}).json()["ID"]
        deadline = time.monotonic() + 30  # a finished job in the list, with its links
        while client.get(f"/jobs/{job}").json()["State"] != "Success":
            assert time.monotonic() < deadline
            time.sleep(0.05)
    return {"study": answer["ParentStudy"], "series": answer["ParentSeries"],
            "instance": answer["ID"], "patient": answer["ParentPatient"]}


def pages(ids: dict[str, str]) -> dict[str, str]:
    return {
        "studies": "#/studies", "patients": "#/patients", "upload": "#/upload", "jobs": "#/jobs",
        "patient": f"#/patients/{ids['patient']}", "study": f"#/studies/{ids['study']}",
        "series": f"#/series/{ids['series']}", "instance": f"#/instances/{ids['instance']}",
        "anonymize": f"#/modify/studies/{ids['study']}/anonymize",
        "modify": f"#/modify/series/{ids['series']}/modify",
    }


NAMES = ["studies", "patients", "upload", "jobs", "patient", "study", "series", "instance",
         "anonymize", "modify"]


def open_page(page, server, resources, name: str) -> None:
    page.goto(server.url + "/ui/" + pages(resources)[name])
    page.wait_for_selector("main[aria-busy=false] h1")


@pytest.mark.parametrize("name", NAMES)
def test_contrast_names_and_labels(page, server, resources, name):
    open_page(page, server, resources, name)
    assert page.evaluate(CONTRAST) == []
    assert page.evaluate(UNNAMED) == []


@pytest.mark.parametrize("name", ["studies", "instance", "anonymize", "jobs"])
def test_every_control_is_reached_with_tab_and_shows_the_focus(page, server, resources, name):
    open_page(page, server, resources, name)
    controls = page.evaluate(CONTROLS)
    reached: list[str] = []
    for _ in range(2 * len(controls) + 10):  # a date field takes three presses
        if all(control in reached for control in controls):
            break
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement;
            if (e === document.body) return [null, true];  // past the last control
            const style = getComputedStyle(e);
            return [e.outerHTML.slice(0, 120), style.outlineStyle !== "none"
                    && parseFloat(style.outlineWidth) >= 2];
        }""")
        if focused[0] is None or focused[0] in reached:
            continue
        reached.append(focused[0])
        assert focused[1], f"no visible focus on {focused[0]}"
    missing = [control for control in controls if control not in reached]
    assert missing == []


def test_the_skip_link_leads_to_the_view(page, server, resources):
    open_page(page, server, resources, "studies")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("(e) => e === document.activeElement") and skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "view"
    assert page.evaluate("location.hash") == "#/studies"  # the page stays where it was
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('view').contains(document.activeElement)")


def test_the_checks_see_a_failure(page, server, resources):
    open_page(page, server, resources, "upload")
    page.evaluate("""() => document.getElementById("view").append(
        Object.assign(document.createElement("p"), { textContent: "grey", style: "color: #aaa" }),
        document.createElement("button"), document.createElement("input"))""")
    assert page.evaluate(CONTRAST) == ['p. "grey": 2.32']
    assert len(page.evaluate(UNNAMED)) == 2
