// #/jobs: the job list with pause, resume and cancel; watchJob(): one job's live progress.
// Both refresh in place: a job's cells are updated, its buttons rebuilt only when its state
// changes, so that the keyboard focus stays where it was (or moves to the job's next action).
import * as api from "./api.js";
import { announce, field, h, setChildren, show, showError } from "./dom.js";

const ROUTE = { Patient: "patients", Study: "studies", Series: "series", Instance: "instances" };
const FINISHED = new Set(["Success", "Failure"]);
const ORDERS = {
  newest: ["Newest first", (a, b) => (b.CreationTime || "").localeCompare(a.CreationTime || "")],
  oldest: ["Oldest first", (a, b) => (a.CreationTime || "").localeCompare(b.CreationTime || "")],
  state: ["State", (a, b) => a.State.localeCompare(b.State) || (b.CreationTime || "").localeCompare(a.CreationTime || "")],
};
const listOrder = { order: "newest" };

function resultLinks(job) {
  const content = job.Content || {};
  const route = ROUTE[content.Type];
  if (job.State !== "Success" || !route || !content.ID) return null;
  return [
    h("a", { href: `#/${route}/${content.ID}` }, `Open the result (${content.Type.toLowerCase()})`),
    route !== "instances" ? h("a", { class: "button secondary", href: `/${route}/${content.ID}/archive`, download: `${content.ID}.zip` }, "Download the result as ZIP") : null];
}

// What a job does, for people: "Anonymization of a study" (its level known once it produced
// something), "Modification", or Orthanc's job type.
function jobKind(job) {
  const content = job.Content || {};
  if (job.Type !== "ResourceModification") return job.Type;
  const kind = content.IsAnonymization ? "Anonymization" : "Modification";
  const count = content.InstancesCount;
  return content.Type ? `${kind} of a ${content.Type.toLowerCase()}`
    : `${kind} of ${count} instance${count === 1 ? "" : "s"}`;
}

function created(job) {
  return (job.CreationTime || "").replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d).*/, "$1-$2-$3 $4:$5:$6");
}

// The buttons of a job in its state; each names the job for those who cannot see the row.
function jobControls(job, refresh) {
  const button = (verb, text, className) => h("button", { type: "button", class: className,
    "aria-label": `${text}: ${jobKind(job)}, ${created(job)}`, "data-action": verb, onclick: async () => {
      try {
        await api.post(`/jobs/${job.ID}/${verb}`, {});
        announce(`${text}: done`);
      } catch (error) { showError(error); }
      refresh();
    } }, text);
  const running = ["Pending", "Running"].includes(job.State);
  return [
    running ? button("pause", "Pause", "secondary") : null,
    job.State === "Paused" ? button("resume", "Resume", "secondary") : null,
    running || job.State === "Paused" ? button("cancel", "Cancel", "danger") : null,
    job.State === "Failure" ? button("resubmit", "Retry", "secondary") : null,
  ];
}

// Run ``change`` (which may detach the focused element) and give the focus back: to the same
// element if it is still in the page, else to the first control in ``area``, else to ``fallback``.
function keepingFocus(area, fallback, change) {
  const active = document.activeElement;
  const inside = active && active !== document.body && (area.contains(active) || fallback.contains(active));
  change();
  if (!inside || document.activeElement === active) return;
  if (active.isConnected) active.focus();
  else (area.querySelector("button, a") || fallback).focus();
}

// The parts of one job's display, and ``update(job)`` to show its latest state in them.
function jobParts(refresh) {
  const parts = {
    state: h("span"),
    bar: h("progress", { max: "100", value: "0" }),
    percent: h("span"),
    error: h("p", { class: "error", hidden: true }),
    actions: h("div", { class: "actions" }),
  };
  let shownState = null;
  parts.update = (job, focusFallback) => {
    parts.state.textContent = job.State + (job.State === "Failure" ? ` (${job.ErrorDescription})` : "");
    parts.state.className = `state state-${job.State}`;
    parts.bar.value = job.Progress || 0;
    parts.bar.setAttribute("aria-label", `Progress: ${jobKind(job)}, ${created(job)}`);
    parts.percent.textContent = ` ${job.Progress || 0} %`;
    parts.error.textContent = job.State === "Failure" ? (job.ErrorDetails || job.ErrorDescription || "") : "";
    parts.error.hidden = !parts.error.textContent;
    if (job.State === shownState) return;
    shownState = job.State;
    keepingFocus(parts.actions, focusFallback, () =>
      setChildren(parts.actions, jobControls(job, refresh), resultLinks(job)));
  };
  return parts;
}

// A panel following one job until it ends.
export function watchJob(id) {
  const panel = h("div", { class: "job", "data-job": id, tabindex: "-1" });
  const parts = jobParts(() => refresh());
  setChildren(panel, h("p", {}, parts.state, " ", parts.bar, parts.percent), parts.error, parts.actions);
  let timer = null;
  async function refresh() {
    clearTimeout(timer);
    let job;
    try { job = await api.get(`/jobs/${id}`); } catch (error) {
      setChildren(panel, h("p", { class: "error" }, error.message));
      return;
    }
    parts.update(job, panel);
    if (FINISHED.has(job.State)) announce(`Job ${job.State === "Success" ? "finished" : "failed"}`);
    else if (panel.isConnected || !timer) timer = setTimeout(refresh, 400);
  }
  refresh();
  return panel;
}

function listRow(refresh) {
  const parts = jobParts(refresh);
  const when = h("td");
  const kind = h("td");
  const row = h("tr", {}, when, kind, h("td", {}, parts.state), h("td", {}, parts.bar, parts.percent),
    h("td", {}, parts.actions, parts.error));
  return { row, update: (job, fallback) => {
    row.dataset.job = job.ID;
    when.textContent = created(job);
    kind.textContent = jobKind(job);
    parts.update(job, fallback);
  } };
}

export async function jobs() {
  const section = h("section", { "aria-label": "Jobs", tabindex: "-1" });
  const body = h("tbody");
  const table = h("table", {}, h("caption", { class: "visually-hidden" }, "Jobs"),
    h("thead", {}, h("tr", {}, ["Created", "Type", "State", "Progress", "Actions"].map((n) => h("th", { scope: "col" }, n)))),
    body);
  const empty = h("p", {}, "No job.");
  const rows = new Map();
  let timer = null;
  const render = async () => {
    clearTimeout(timer);
    if (!section.isConnected) return;
    let all;
    try { all = await api.get("/jobs?expand"); } catch (error) {
      showError(error);
      return;
    }
    all.sort(ORDERS[listOrder.order][1]);
    const seen = new Set(all.map((job) => job.ID));
    for (const [id, { row }] of rows) if (!seen.has(id)) { row.remove(); rows.delete(id); }
    for (const job of all) {
      if (!rows.has(job.ID)) rows.set(job.ID, listRow(render));
      rows.get(job.ID).update(job, section);
    }
    const wanted = all.map((job) => rows.get(job.ID).row);
    if (wanted.some((row, index) => body.children[index] !== row)) {
      keepingFocus(body, section, () => body.append(...wanted));
    }
    if (all.length && !table.isConnected) empty.replaceWith(table);
    if (!all.length && !empty.isConnected) table.replaceWith(empty);
    if (all.some((job) => !FINISHED.has(job.State))) timer = setTimeout(render, 1000);
  };
  const order = h("select", { name: "order", onchange: () => { listOrder.order = order.value; render(); } },
    Object.entries(ORDERS).map(([value, [text]]) => h("option", { value, selected: value === listOrder.order }, text)));
  setChildren(section, empty);
  show("Jobs", h("h1", {}, "Jobs"),
    h("div", { class: "actions" }, field("Sort by", order),
      h("button", { type: "button", class: "secondary", onclick: render }, "Refresh")),
    section);
  await render();
}
