// #/jobs: the job list with pause, resume and cancel; watchJob(): one job's live progress.
import * as api from "./api.js";
import { h, setChildren, show, showError } from "./dom.js";

const ROUTE = { Patient: "patients", Study: "studies", Series: "series", Instance: "instances" };
const FINISHED = new Set(["Success", "Failure"]);

function resultLinks(job) {
  const content = job.Content || {};
  const route = ROUTE[content.Type];
  if (job.State !== "Success" || !route || !content.ID) return null;
  return [
    h("a", { href: `#/${route}/${content.ID}` }, `Open the result (${content.Type.toLowerCase()})`),
    route !== "instances" ? h("a", { class: "button secondary", href: `/${route}/${content.ID}/archive`, download: `${content.ID}.zip` }, "Download the result as ZIP") : null];
}

function jobKind(job) {
  const content = job.Content || {};
  if (job.Type !== "ResourceModification" || !content.Type) return job.Type;
  return `${content.IsAnonymization ? "Anonymization" : "Modification"} of a ${content.Type.toLowerCase()}`;
}

function jobControls(job, refresh) {
  const act = (verb) => async () => {
    try { await api.post(`/jobs/${job.ID}/${verb}`, {}); } catch (error) { showError(error); }
    refresh();
  };
  const running = ["Pending", "Running"].includes(job.State);
  return [
    running ? h("button", { type: "button", class: "secondary", onclick: act("pause") }, "Pause") : null,
    job.State === "Paused" ? h("button", { type: "button", class: "secondary", onclick: act("resume") }, "Resume") : null,
    running || job.State === "Paused" ? h("button", { type: "button", class: "danger", onclick: act("cancel") }, "Cancel") : null,
    job.State === "Failure" ? h("button", { type: "button", class: "secondary", onclick: act("resubmit") }, "Retry") : null,
  ];
}

// A panel following one job until it ends.
export function watchJob(id) {
  const panel = h("div", { class: "job", "data-job": id });
  const refresh = async () => {
    let job;
    try { job = await api.get(`/jobs/${id}`); } catch (error) {
      setChildren(panel, h("p", { class: "error" }, error.message));
      return;
    }
    setChildren(panel,
      h("p", {}, h("span", { class: `state state-${job.State}` }, job.State), " ",
        h("progress", { max: "100", value: String(job.Progress || 0), "aria-label": "Progress" }),
        ` ${job.Progress || 0} %`),
      job.State === "Failure" ? h("p", { class: "error" }, job.ErrorDetails || job.ErrorDescription) : null,
      h("div", { class: "actions" }, jobControls(job, refresh), resultLinks(job)));
    if (!FINISHED.has(job.State) && panel.isConnected) setTimeout(refresh, 400);
  };
  refresh();
  return panel;
}

export async function jobs() {
  const list = h("section", { "aria-label": "Jobs" });
  let timer = null;
  const render = async () => {
    clearTimeout(timer);
    if (!document.body.contains(list)) return;
    let all;
    try { all = await api.get("/jobs?expand"); } catch (error) {
      setChildren(list, h("p", { class: "error" }, error.message));
      return;
    }
    all.sort((a, b) => (b.CreationTime || "").localeCompare(a.CreationTime || ""));
    setChildren(list, all.length ? h("table", {},
      h("thead", {}, h("tr", {}, ["Created", "Type", "State", "Progress", "Actions"].map((n) => h("th", { scope: "col" }, n)))),
      h("tbody", {}, all.map((job) => h("tr", {},
        h("td", {}, (job.CreationTime || "").replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d).*/, "$1-$2-$3 $4:$5:$6")),
        h("td", {}, jobKind(job)),
        h("td", { class: `state-${job.State}` }, job.State, job.State === "Failure" ? ` (${job.ErrorDescription})` : ""),
        h("td", {}, h("progress", { max: "100", value: String(job.Progress || 0), "aria-label": `Progress of job ${job.ID}` }), ` ${job.Progress || 0} %`),
        h("td", {}, h("div", { class: "actions" }, jobControls(job, render), resultLinks(job)))))))
      : h("p", {}, "No job."));
    if (all.some((job) => !FINISHED.has(job.State))) timer = setTimeout(render, 1000);
  };
  show("Jobs", h("h1", {}, "Jobs"), list);
  await render();
}
