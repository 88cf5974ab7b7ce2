// #/modify/{patients|studies|series}/{id}/{anonymize|modify}: the form, its plan (DryRun), then
// the job's progress and a link to the result.
import * as api from "./api.js";
import { announce, field, h, setChildren, showError, viewFor } from "./dom.js";
import { watchJob } from "./jobs.js";

const VERSIONS = ["2023b", "2021b", "2017c", "2008"];
const OPTIONS = {
  CleanGraphics: "Clean graphics", CleanStructuredContent: "Clean structured content",
  CleanDescriptors: "Clean descriptors",
  RetainLongitudinalFullDates: "Retain longitudinal temporal information, full dates",
  RetainLongitudinalModifiedDates: "Retain longitudinal temporal information, modified dates",
  RetainPatientCharacteristics: "Retain patient characteristics", RetainDeviceIdentity: "Retain device identity",
  RetainUIDs: "Retain UIDs", RetainSafePrivate: "Retain safe private",
  RetainInstitutionIdentity: "Retain institution identity",
};
const SINGULAR = { patients: "patient", studies: "study", series: "series" };

let keywords = null;

async function tagNames() {
  if (document.getElementById("tag-names")) return;
  try { keywords = keywords || await api.get("/ui/keywords.json"); } catch { keywords = []; }
  document.body.append(h("datalist", { id: "tag-names" }, keywords.map((k) => h("option", { value: k }))));
}

// A list of rows (one or two inputs each) with "Add" and "Remove" buttons.
function rowList(name, withValue) {
  const rows = h("div", { class: "rows" });
  let count = 0;
  const add = () => {
    count += 1;
    const tag = h("input", { name: `${name}-tag`, list: "tag-names", autocomplete: "off", "aria-label": `${name}: tag ${count}`, placeholder: "Tag name or gggg,eeee" });
    const row = h("div", { class: "row" }, tag,
      withValue ? h("input", { name: `${name}-value`, autocomplete: "off", "aria-label": `${name}: value ${count}`, placeholder: "New value" }) : null,
      h("button", { type: "button", class: "secondary", "aria-label": `Delete ${name} row ${count}`, onclick: () => row.remove() }, "−"));
    rows.append(row);
    return tag;
  };
  const fieldset = h("fieldset", {}, h("legend", {}, name), rows,
    h("button", { type: "button", class: "secondary", onclick: () => add().focus() }, `Add a ${name} tag`));
  return { fieldset, read: () => [...rows.children].map((row) => {
    const inputs = row.querySelectorAll("input");
    return [inputs[0].value.trim(), inputs[1] ? inputs[1].value : null];
  }).filter(([tag]) => tag) };
}

function check(name, text, checked = false) {
  return h("label", { class: "check" }, h("input", { type: "checkbox", name, checked }), text);
}

function planView(plan) {
  const summary = plan.Summary || {};
  const actions = Object.entries(summary.Actions || {}).map(([action, n]) => `${n} ${action}`).join(", ");
  const tags = Object.entries(summary.Tags || {});
  // Why, as the first instance's plan says (the rule is the same for every instance mostly).
  const reasons = new Map(((plan.Instances || [])[0]?.Attributes || [])
    .map((a) => [`${a.Tag} ${a.Keyword}`, a.Value ? `${a.Reason}: ${a.Value}` : a.Reason]));
  return h("section", { "aria-labelledby": "plan-title" },
    h("h2", { id: "plan-title" }, "Plan"),
    h("p", {}, `${summary.Instances || 0} instances: ${actions || "no change"}.`),
    summary.BurnedInAnnotation ? h("p", { class: "error" },
      `${summary.BurnedInAnnotation} instances may show identifying text in their pixels.`) : null,
    h("div", { class: "plan" }, h("table", {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Attribute"), h("th", { scope: "col" }, "What happens"), h("th", { scope: "col" }, "Why"))),
      h("tbody", {}, tags.map(([tag, counts]) => h("tr", {}, h("td", {}, tag),
        h("td", {}, Object.entries(counts).map(([action, n]) =>
          h("span", { class: `action-${action}` }, `${action} (${n}) `))),
        h("td", { class: "muted" }, reasons.get(tag) || "")))))));
}

export async function modifyForm(kind, id, mode) {
  const display = viewFor(location.hash);
  const anonymize = mode === "anonymize";
  await tagNames();
  const resource = await api.get(`/${kind}/${id}`);
  const keep = rowList("Keep", false);
  const remove = rowList("Remove", false);
  const replace = rowList("Replace", true);
  const version = h("select", { name: "DicomVersion" }, VERSIONS.map((v) => h("option", { value: v }, v)));
  const form = h("form", { class: "modify", "aria-label": anonymize ? "Anonymization" : "Modification" },
    anonymize ? h("fieldset", {}, h("legend", {}, "Profile"), field("DICOM version of the profile (PS3.15)", version),
      h("div", { class: "options" }, Object.entries(OPTIONS).map(([name, text]) => check(`option-${name}`, text)))) : null,
    keep.fieldset, remove.fieldset, replace.fieldset,
    h("fieldset", {}, h("legend", {}, "Options"),
      check("KeepSource", `Keep the original ${SINGULAR[kind]}`, true),
      anonymize ? check("KeepPrivateTags", "Keep private tags") : null,
      check("KeepLabels", "Keep labels"),
      check("Force", "Force (allow changing identifiers)")),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", name: "plan" }, "Show the plan"),
      h("button", { type: "submit" }, anonymize ? "Anonymize" : "Modify")));
  const output = h("div", { "aria-live": "polite" });
  const request = () => {
    const data = new FormData(form);
    const body = { Keep: keep.read().map(([t]) => t), Remove: remove.read().map(([t]) => t),
      Replace: Object.fromEntries(replace.read()), KeepSource: data.has("KeepSource"),
      Force: data.has("Force") };
    if (data.has("KeepLabels")) body.KeepLabels = true;
    if (anonymize) {
      body.DicomVersion = version.value;
      body.KeepPrivateTags = data.has("KeepPrivateTags");
      const options = Object.keys(OPTIONS).filter((name) => data.has(`option-${name}`));
      if (options.length) body.Options = options;
    }
    return body;
  };
  form.querySelector("button[name=plan]").addEventListener("click", async () => {
    setChildren(output, h("p", {}, "Computing the plan…"));
    try {
      setChildren(output, planView(await api.post(`/${kind}/${id}/${mode}`, { ...request(), DryRun: true })));
    } catch (error) {
      output.replaceChildren();
      showError(error);
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const job = await api.post(`/${kind}/${id}/${mode}`, { ...request(), Asynchronous: true });
      announce("Job started");
      setChildren(output, h("h2", {}, "Job"), watchJob(job.ID));
    } catch (error) { showError(error); }
  });
  const title = `${anonymize ? "Anonymize" : "Modify"} ${SINGULAR[kind]}`;
  display(title,
    h("p", { class: "breadcrumbs" }, h("a", { href: `#/${kind}/${id}` }, `Back to the ${SINGULAR[kind]}`)),
    h("h1", {}, title),
    h("p", {}, h("a", { href: `#/modify/${kind}/${id}/${anonymize ? "modify" : "anonymize"}` },
      anonymize ? "Modify instead" : "Anonymize instead"),
    h("span", { class: "muted" }, ` · ${resource.Type} ${resource.ID}`)),
    form, output);
}
