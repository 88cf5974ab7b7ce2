// Lethe's web interface: a hash router over the views. Page URLs hold Orthanc IDs only
// (#/studies/{id}); search criteria, which are patient data, stay in memory.
import * as api from "./api.js";
import { StaleView, clearError, h, show, showError } from "./dom.js";
import { instance } from "./instance.js";
import { jobs } from "./jobs.js";
import { modifyForm } from "./modify.js";
import { patient, patients, series, studies, study } from "./browse.js";
import { uploadPage } from "./upload.js";

const ID = "([0-9a-f-]+)";
const ROUTES = [
  [/^\/?$/, () => { location.replace("#/studies"); }],
  [/^\/studies$/, studies, "studies"],
  [new RegExp(`^/studies/${ID}$`), study, "studies"],
  [/^\/patients$/, patients, "patients"],
  [new RegExp(`^/patients/${ID}$`), patient, "patients"],
  [new RegExp(`^/series/${ID}$`), series, "studies"],
  [new RegExp(`^/instances/${ID}$`), instance, "studies"],
  [new RegExp(`^/modify/(patients|studies|series)/${ID}/(anonymize|modify)$`), modifyForm, "studies"],
  [/^\/upload$/, uploadPage, "upload"],
  [/^\/jobs$/, jobs, "jobs"],
];

let focusView = false;

// Show the view of the page's hash. A navigation that another one overtook ends silently: the
// newer one shows its view, its errors and the busy state.
async function route() {
  const hash = location.hash;
  const path = hash.replace(/^#/, "").split("?")[0];
  clearError();
  for (const [pattern, view, section] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.dataset.nav === section) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    const main = document.getElementById("view");
    main.setAttribute("aria-busy", "true");
    try {
      await view(...match.slice(1));
    } catch (error) {
      if (error instanceof StaleView || location.hash !== hash) return;
      show("Error", h("h1", {}, error.status === 404 ? "Not found" : "Error"),
        h("p", {}, error.status === 404 ? "This resource does not exist (any more)." : ""),
        h("p", {}, h("a", { href: "#/studies" }, "Back to the studies")));
      showError(error);
    }
    if (location.hash !== hash) return;
    main.setAttribute("aria-busy", "false");
    if (focusView) main.focus();
    focusView = true;
    return;
  }
  show("Not found", h("h1", {}, "Not found"), h("p", {}, h("a", { href: "#/studies" }, "Back to the studies")));
}

window.addEventListener("hashchange", route);
// The skip link moves the focus to the view; followed as a link, it would route to "#view".
document.querySelector("a.skip").addEventListener("click", (event) => {
  event.preventDefault();
  document.getElementById("view").focus();
});
window.addEventListener("unhandledrejection", (event) => showError(event.reason));
api.get("/system").then((system) => {
  document.getElementById("server").textContent = `${system.Name} ${system.Version}`;
}).catch(() => {});
route();
