// #/upload: files, folders or ZIP archives dropped or chosen, sent one at a time to
// POST /instances with a progress bar and the answer (or the error) of each.
import * as api from "./api.js";
import { announce, h, setChildren, show, showError } from "./dom.js";

// Every file under a dropped folder (DataTransferItem.webkitGetAsEntry), each as
// { file, path } with its path in the folder.
async function filesOf(entry) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    return [{ file, path: entry.fullPath.replace(/^\//, "") }];
  }
  const reader = entry.createReader();
  const files = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    for (const child of batch) files.push(...await filesOf(child));
  }
  return files;
}

function describe(answer) {
  const answers = Array.isArray(answer) ? answer : [answer];
  const stored = answers.filter((a) => a && ["Success", "AlreadyStored"].includes(a.Status));
  const studies = [...new Set(stored.map((a) => a.ParentStudy).filter(Boolean))];
  const text = answers.length === 1 && answers[0] ? (answers[0].Status === "AlreadyStored" ? "Already stored" : "Stored")
    : `${stored.length} of ${answers.length} instances stored`;
  return [h("span", { class: "ok" }, text), " ", studies.map((id) => h("a", { href: `#/studies/${id}` }, "open the study "))];
}

export function uploadPage() {
  const table = h("tbody");
  const summary = h("p", { "aria-live": "polite" });
  const counts = { done: 0, failed: 0, total: 0 };
  let queue = Promise.resolve();

  // Send ``files`` ({ file, path } each) one after the other, after those already queued.
  const sendAll = (files) => {
    for (const { file, path } of files) {
      counts.total += 1;
      const bar = h("progress", { max: "1", value: "0", "aria-label": `Progress of ${path}` });
      const result = h("td", {}, "Waiting");
      table.append(h("tr", {}, h("td", {}, path), h("td", { class: "num" }, file.size), h("td", {}, bar), result));
      queue = queue.then(async () => {
        result.textContent = "Sending";
        try {
          const answer = await api.upload(file, (fraction) => { bar.value = fraction; });
          bar.value = 1;
          setChildren(result, ...describe(answer));
          counts.done += 1;
        } catch (error) {
          setChildren(result, h("span", { class: "error" }, `Error: ${error.message}`));
          counts.failed += 1;
        }
        summary.textContent = `${counts.done} sent, ${counts.failed} failed, ${counts.total - counts.done - counts.failed} waiting.`;
        if (counts.done + counts.failed === counts.total) announce(`Upload finished: ${counts.done} sent, ${counts.failed} failed`);
      });
    }
  };

  const chosen = (files) => [...files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  const input = h("input", { type: "file", id: "upload-files", multiple: true,
    onchange: () => { sendAll(chosen(input.files)); input.value = ""; } });
  const folder = h("input", { type: "file", id: "upload-folder", webkitdirectory: true,
    onchange: () => { sendAll(chosen(folder.files)); folder.value = ""; } });
  const zone = h("div", { class: "drop", id: "drop-zone" },
    h("p", {}, "Drop DICOM files, folders or ZIP archives here, or choose them:"),
    h("div", { class: "actions", style: "justify-content: center" },
      h("label", { for: "upload-files" }, "Files (DICOM or ZIP)"), input,
      h("label", { for: "upload-folder" }, "A folder"), folder));
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", async (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    const items = [...(event.dataTransfer.items || [])];
    const entries = items.map((item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
    if (!entries.length) {
      sendAll(chosen(event.dataTransfer.files));
      return;
    }
    const files = [];
    try {
      for (const entry of entries) files.push(...await filesOf(entry));
    } catch (error) {
      showError(new Error(`A dropped folder could not be read: ${error.message || error}`));
    }
    sendAll(files);
  });
  show("Upload", h("h1", {}, "Upload"), zone, summary,
    h("table", { class: "uploads" }, h("caption", { class: "visually-hidden" }, "Files sent"),
      h("thead", {}, h("tr", {}, ["File", "Bytes", "Progress", "Result"].map((n) => h("th", { scope: "col" }, n)))), table));
}
