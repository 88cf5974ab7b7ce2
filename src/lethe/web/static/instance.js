// #/instances/{id}: the preview with frame navigation, and the tags as a tree (sequences folded).
import * as api from "./api.js";
import { h, props, viewFor } from "./dom.js";

function tagTree(tags) {
  return h("ul", {}, Object.entries(tags).map(([tag, element]) => {
    const head = [h("span", { class: "t" }, `(${tag}) `), h("span", { class: "n" }, element.Name || "Unknown tag")];
    if (element.Type === "Sequence") {
      const items = element.Value || [];
      return h("li", {}, h("details", {},
        h("summary", {}, head, h("span", { class: "muted" }, ` — sequence of ${items.length} item${items.length === 1 ? "" : "s"}`)),
        h("ul", {}, items.map((item, index) => h("li", {}, h("details", { open: items.length === 1 },
          h("summary", {}, `Item ${index + 1}`), tagTree(item)))))));
    }
    let value = element.Value;
    if (element.Type === "Null") value = "(empty)";
    else if (element.Type === "TooLong") value = "(too long to show)";
    else if (element.Type === "Binary") value = "(binary)";
    return h("li", {}, head, ": ", h("span", { class: "v" }, value ?? ""));
  }));
}

function filterTree(root, text) {
  const needle = text.trim().toLowerCase();
  for (const item of root.querySelectorAll("li")) {
    item.hidden = Boolean(needle) && !item.textContent.toLowerCase().includes(needle);
  }
  if (needle) for (const details of root.querySelectorAll("details")) details.open = !details.parentElement.hidden;
}

export async function instance(id) {
  const display = viewFor(location.hash);
  const [resource, tags, frames] = await Promise.all([
    api.get(`/instances/${id}`), api.get(`/instances/${id}/tags`),
    api.get(`/instances/${id}/frames`).catch(() => [])]);
  const parent = await api.get(`/series/${resource.ParentSeries}`);
  const m = resource.MainDicomTags || {};
  const count = Math.max(frames.length, 1);
  let current = 0;
  const image = h("img", { alt: "", tabindex: "0" });
  const label = h("span", { "aria-live": "polite" });
  const previous = h("button", { type: "button", class: "secondary", onclick: () => go(current - 1) }, "Previous frame");
  const next = h("button", { type: "button", class: "secondary", onclick: () => go(current + 1) }, "Next frame");
  const slider = h("input", { type: "range", min: "0", max: String(count - 1), value: "0",
    "aria-label": "Frame", oninput: () => go(Number(slider.value)) });
  function go(frame) {
    current = Math.min(Math.max(frame, 0), count - 1);
    image.src = frames.length ? `/instances/${id}/frames/${current}/preview` : `/instances/${id}/preview`;
    image.alt = `Preview of frame ${current + 1} of ${count}`;
    label.textContent = `Frame ${current + 1} of ${count}`;
    slider.value = String(current);
    previous.disabled = current === 0;
    next.disabled = current === count - 1;
  }
  image.addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === "ArrowDown") { event.preventDefault(); go(current + 1); }
    if (event.key === "ArrowLeft" || event.key === "ArrowUp") { event.preventDefault(); go(current - 1); }
  });
  image.addEventListener("error", () => { image.alt = "No preview for this instance"; });
  go(0);
  const tree = h("div", { class: "tags" }, tagTree(tags));
  const filter = h("input", { type: "search", class: "filter", id: "tag-filter", autocomplete: "off",
    oninput: () => filterTree(tree, filter.value) });
  display("Instance",
    h("p", { class: "breadcrumbs" }, h("a", { href: "#/studies" }, "Studies"), " › ",
      h("a", { href: `#/studies/${parent.ParentStudy}` }, "Study"), " › ",
      h("a", { href: `#/series/${resource.ParentSeries}` }, "Series"), " › "),
    h("h1", {}, `Instance ${m.InstanceNumber || ""}`.trim()),
    props([["SOP Instance UID", m.SOPInstanceUID], ["Orthanc ID", resource.ID],
      ["Size", resource.FileSize ? `${resource.FileSize} bytes` : ""]]),
    h("div", { class: "actions" },
      h("a", { class: "button secondary", href: `/instances/${id}/file`, download: `${id}.dcm` }, "Download DICOM file")),
    h("div", { class: "columns" },
      h("section", { "aria-labelledby": "preview-title" },
        h("h2", { id: "preview-title" }, "Preview"),
        h("div", { class: "preview" }, image),
        count > 1 ? h("div", { class: "frames" }, previous, slider, next, label) : h("p", { class: "muted" }, label)),
      h("section", { "aria-labelledby": "tags-title" },
        h("h2", { id: "tags-title" }, "Tags"),
        h("label", { for: "tag-filter" }, "Filter tags"), filter, tree)));
}
