// Lists and resources: studies (the main page, with search and paging), patients, a patient,
// a study, a series. Search criteria stay in memory: they are patient data, kept out of the URL.
import * as api from "./api.js";
import { announce, field, formatDate, formatName, h, props, setChildren, show, showError, viewFor } from "./dom.js";

const PAGE_SIZE = 25;
// By default, the last updated first (Orthanc Explorer 2's "most recent" list).
const NEWEST_FIRST = { sort: "LastUpdate", direction: "DESC" };
const studySearch = { criteria: { ...NEWEST_FIRST }, page: 0 };
const patientSearch = { criteria: { ...NEWEST_FIRST }, page: 0 };

// The orders a list offers: "" is the order of arrival, a keyword a main tag (of the resource or
// its parents), LastUpdate the metadata of that name (see /tools/find's OrderBy).
const STUDY_ORDERS = { "": "Order of arrival", LastUpdate: "Last update", PatientName: "Patient name",
  PatientID: "Patient ID", StudyDate: "Study date", AccessionNumber: "Accession number",
  StudyDescription: "Study description" };
const PATIENT_ORDERS = { "": "Order of arrival", LastUpdate: "Last update", PatientName: "Patient name",
  PatientID: "Patient ID", PatientBirthDate: "Birth date" };

// OE2's rule: text is matched anywhere unless it starts or ends with a double quote.
export function wildcard(text) {
  text = (text || "").trim();
  if (!text) return null;
  const exactStart = text.startsWith('"');
  const exactEnd = text.length > 1 && text.endsWith('"');
  const core = text.slice(exactStart ? 1 : 0, exactEnd ? -1 : undefined);
  return `${exactStart ? "" : "*"}${core}${exactEnd ? "" : "*"}`;
}

function dateRange(from, to) {
  const compact = (value) => (value || "").replaceAll("-", "");
  if (!from && !to) return null;
  if (from && from === to) return compact(from);
  return `${compact(from)}-${compact(to)}`;
}

function studyQuery(criteria) {
  const query = {};
  const text = { PatientName: criteria.name, PatientID: criteria.patientId,
    AccessionNumber: criteria.accession, StudyDescription: criteria.description };
  for (const [tag, value] of Object.entries(text)) {
    const pattern = wildcard(value);
    if (pattern) query[tag] = pattern;
  }
  const dates = dateRange(criteria.from, criteria.to);
  if (dates) query.StudyDate = dates;
  const modalities = (criteria.modality || "").split(/[\s,\\]+/).filter(Boolean);
  if (modalities.length) query.ModalitiesInStudy = modalities.join("\\").toUpperCase();
  const body = { Level: "Study", Query: query, CaseSensitive: false };
  if (criteria.label) Object.assign(body, { Labels: [criteria.label], LabelsConstraint: "All" });
  return body;
}

// The "Sort by" and "Order" fields of a search form (names "sort" and "direction").
function sortFields(orders, criteria) {
  return [
    field("Sort by", h("select", { name: "sort" }, Object.entries(orders).map(([value, text]) =>
      h("option", { value, selected: value === (criteria.sort || "") }, text)))),
    field("Order", h("select", { name: "direction" },
      h("option", { value: "ASC", selected: criteria.direction !== "DESC" }, "Ascending (A to Z, oldest first)"),
      h("option", { value: "DESC", selected: criteria.direction === "DESC" }, "Descending (Z to A, newest first)"))),
  ];
}

// Empty the text fields of a search form, put its selects back to their first option and its
// order back to the default.
function clearForm(form) {
  for (const element of form.elements) {
    if (element.tagName === "SELECT") element.selectedIndex = 0;
    else if (element.name) element.value = "";
  }
  form.elements.sort.value = NEWEST_FIRST.sort;
  form.elements.direction.value = NEWEST_FIRST.direction;
}

// One page of /tools/find's answer (``body`` plus ``display``, its display fields) in the order
// of ``criteria``: OrderBy for a key; the order of arrival as found, or reversed by paging from
// the end of the ``total`` (a promise of /tools/count-resources' Count).
async function findPage(body, display, page, criteria, total) {
  const first = page * PAGE_SIZE;
  if (criteria.sort || criteria.direction !== "DESC") {
    const orderBy = criteria.sort ? [{ Type: criteria.sort === "LastUpdate" ? "Metadata" : "DicomTag",
      Key: criteria.sort, Direction: criteria.direction === "DESC" ? "DESC" : "ASC" }] : undefined;
    const answer = await api.post("/tools/find",
      { ...body, ...display, OrderBy: orderBy, Limit: PAGE_SIZE + 1, Since: first });
    return { rows: answer.slice(0, PAGE_SIZE), hasNext: answer.length > PAGE_SIZE };
  }
  const count = await total;
  if (count === null) throw new Error("The number of results is unknown: choose another order.");
  if (count <= first) return { rows: [], hasNext: false };
  const since = Math.max(0, count - first - PAGE_SIZE);
  const answer = await api.post("/tools/find", { ...body, ...display, Since: since, Limit: count - first - since });
  return { rows: answer.reverse(), hasNext: since > 0 };
}

// /tools/count-resources' Count for ``body``, or null when the server cannot count.
async function countOf(body) {
  try { return (await api.post("/tools/count-resources", body)).Count; } catch { return null; }
}

function pager(state, hasNext, total, rerender) {
  const first = state.page * PAGE_SIZE;
  const label = total === null ? `Page ${state.page + 1}`
    : `Page ${state.page + 1} of ${Math.max(1, Math.ceil(total / PAGE_SIZE))}`;
  return h("nav", { class: "pager", "aria-label": "Pages" },
    h("button", { type: "button", class: "secondary", disabled: state.page === 0,
      onclick: () => { state.page -= 1; rerender(); } }, "Previous page"),
    h("span", {}, label),
    h("button", { type: "button", class: "secondary", disabled: !hasNext,
      onclick: () => { state.page += 1; rerender(); } }, "Next page"),
    total === null ? null : h("span", { class: "muted" },
      total ? `${first + 1}–${Math.min(first + PAGE_SIZE, total)} of ${total}` : ""));
}

function labelTags(labels) {
  return (labels || []).map((label) => h("span", { class: "tag" }, label));
}

// The "Label" field of a search form: "Any", then the labels in use, which arrive while the
// first results are searched.
function labelField(selected) {
  const select = h("select", { name: "label" }, h("option", { value: "" }, "Any"),
    selected ? h("option", { value: selected, selected: true }, selected) : null);
  api.get("/tools/labels").then((labels) => {
    const chosen = select.value;
    setChildren(select, h("option", { value: "" }, "Any"),
      labels.map((label) => h("option", { value: label, selected: label === chosen }, label)));
  }, () => {});
  return field("Label", select);
}

const ROUTE_OF_TYPE = { Patient: "patients", Study: "studies", Series: "series", Instance: "instances" };
const ORTHANC_ID = /^[0-9a-f]{8}(-[0-9a-f]{8}){4}$/;

// The resources a text identifies: /tools/lookup's (a patient ID or a study, series or SOP
// instance UID), and the resource whose Orthanc ID it is.
async function lookUp(text) {
  const found = await api.post("/tools/lookup", text);
  if (ORTHANC_ID.test(text)) {
    const levels = await Promise.all(Object.entries(ROUTE_OF_TYPE).map(([type, route]) =>
      api.get(`/${route}/${text}`).then(() => type, () => null)));
    for (const type of levels.filter(Boolean)) found.push({ ID: text, Type: type });
  }
  return found;
}

// "Go to": a patient, study, series or instance by one of its identifiers. One match opens it;
// several are listed.
function goToForm() {
  const input = h("input", { name: "identifier", autocomplete: "off", required: true,
    placeholder: "1.2.840.…" });
  const output = h("div", { "aria-live": "polite" });
  const form = h("form", { class: "goto", role: "search", "aria-label": "Go to a resource" },
    field("UID, patient ID or Orthanc ID", input), h("button", { type: "submit", class: "secondary" }, "Go"), output);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let found;
    try { found = await lookUp(input.value.trim()); } catch (error) { showError(error); return; }
    if (found.length === 1) {
      location.hash = `#/${ROUTE_OF_TYPE[found[0].Type]}/${found[0].ID}`;
      return;
    }
    setChildren(output, found.length ? h("ul", {}, found.map((resource) => h("li", {},
      h("a", { href: `#/${ROUTE_OF_TYPE[resource.Type]}/${resource.ID}` }, `${resource.Type} ${resource.ID}`))))
      : h("p", {}, "Nothing has this identifier."));
  });
  return form;
}

// #/studies: search form and one page of results.
export async function studies() {
  const c = studySearch.criteria;
  const input = (name, attributes = {}) => h("input", { name, value: c[name] || "", ...attributes });
  const results = h("section", { "aria-label": "Results", "aria-busy": "true" }, h("p", { class: "muted" }, "Searching…"));
  const form = searchForm("Search studies", studySearch, () => renderStudies(results),
    field("Patient name", input("name", { autocomplete: "off" })),
    field("Patient ID", input("patientId", { autocomplete: "off" })),
    field("Accession number", input("accession", { autocomplete: "off" })),
    field("Study description", input("description", { autocomplete: "off" })),
    field("Study date from", input("from", { type: "date" })),
    field("Study date to", input("to", { type: "date" })),
    field("Modality", input("modality", { placeholder: "CT, MR…", autocomplete: "off" })),
    labelField(c.label),
    sortFields(STUDY_ORDERS, c));
  show("Studies", h("h1", {}, "Studies"), goToForm(), form, results);
  await renderStudies(results);
}

// A search form of ``fields`` with Search and Clear buttons: each sets the criteria of
// ``search`` (those of the form, or the newest first) and its first page, then ``render``s.
function searchForm(label, search, render, ...fields) {
  const form = h("form", { class: "search", role: "search", "aria-label": label }, ...fields,
    h("div", { class: "buttons" },
      h("button", { type: "submit" }, "Search"),
      h("button", { type: "button", class: "secondary", onclick: () => {
        clearForm(form);
        search.criteria = { ...NEWEST_FIRST };
        search.page = 0;
        render();
      } }, "Clear")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search.criteria = Object.fromEntries(new FormData(form).entries());
    search.page = 0;
    render();
  });
  return form;
}

// Run ``search`` into the results region, which is aria-busy meanwhile.
async function busy(results, search) {
  results.setAttribute("aria-busy", "true");
  try {
    await search(results);
  } finally {
    results.setAttribute("aria-busy", "false");
  }
}

function renderStudies(results) { return busy(results, searchStudies); }

async function searchStudies(results) {
  const body = studyQuery(studySearch.criteria);
  const counted = countOf(body);
  let rows, hasNext;
  try {
    ({ rows, hasNext } = await findPage(body, { Expand: true,
      RequestedTags: ["ModalitiesInStudy", "NumberOfStudyRelatedInstances"] },
    studySearch.page, studySearch.criteria, counted));
  } catch (error) {
    setChildren(results, h("p", { class: "error" }, error.message));
    return;
  }
  const total = await counted;
  const table = h("table", {},
    h("caption", { class: "visually-hidden" }, "Studies found"),
    h("thead", {}, h("tr", {},
      ["Patient name", "Patient ID", "Birth date", "Study date", "Description", "Accession",
        "Modalities", "Instances", "Labels"].map((name) => h("th", { scope: "col" }, name)))),
    h("tbody", {}, rows.map((study) => {
      const p = study.PatientMainDicomTags || {};
      const m = study.MainDicomTags || {};
      const r = study.RequestedTags || {};
      return h("tr", {},
        h("td", {}, h("a", { href: `#/studies/${study.ID}` }, formatName(p.PatientName) || "(no name)")),
        h("td", {}, p.PatientID || ""),
        h("td", {}, formatDate(p.PatientBirthDate)),
        h("td", {}, formatDate(m.StudyDate)),
        h("td", {}, m.StudyDescription || ""),
        h("td", {}, m.AccessionNumber || ""),
        h("td", {}, (r.ModalitiesInStudy || "").replaceAll("\\", ", ")),
        h("td", { class: "num" }, r.NumberOfStudyRelatedInstances || ""),
        h("td", {}, labelTags(study.Labels)));
    })));
  const rerender = () => renderStudies(results);
  setChildren(results,
    rows.length ? table : h("p", {}, "No study matches."),
    pager(studySearch, hasNext, total, rerender));
  announce(total === null ? `${rows.length} studies shown` : `${total} studies found`);
}

// #/patients
export async function patients() {
  const c = patientSearch.criteria;
  const results = h("section", { "aria-label": "Results", "aria-busy": "true" });
  const form = searchForm("Search patients", patientSearch, () => renderPatients(results),
    field("Patient name", h("input", { name: "name", value: c.name || "", autocomplete: "off" })),
    field("Patient ID", h("input", { name: "patientId", value: c.patientId || "", autocomplete: "off" })),
    labelField(c.label),
    sortFields(PATIENT_ORDERS, c));
  show("Patients", h("h1", {}, "Patients"), form, results);
  await renderPatients(results);
}

function renderPatients(results) { return busy(results, searchPatients); }

async function searchPatients(results) {
  const c = patientSearch.criteria;
  const query = {};
  if (wildcard(c.name)) query.PatientName = wildcard(c.name);
  if (wildcard(c.patientId)) query.PatientID = wildcard(c.patientId);
  const body = { Level: "Patient", Query: query, CaseSensitive: false };
  if (c.label) Object.assign(body, { Labels: [c.label], LabelsConstraint: "All" });
  const counted = countOf(body);
  let rows, hasNext;
  try {
    ({ rows, hasNext } = await findPage(body, { Expand: true }, patientSearch.page, c, counted));
  } catch (error) {
    setChildren(results, h("p", { class: "error" }, error.message));
    return;
  }
  const total = await counted;
  setChildren(results,
    rows.length ? h("table", {}, h("caption", { class: "visually-hidden" }, "Patients found"),
      h("thead", {}, h("tr", {}, ["Patient name", "Patient ID", "Birth date", "Sex", "Studies", "Labels"]
        .map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, rows.map((patient) => {
        const m = patient.MainDicomTags || {};
        return h("tr", {},
          h("td", {}, h("a", { href: `#/patients/${patient.ID}` }, formatName(m.PatientName) || "(no name)")),
          h("td", {}, m.PatientID || ""), h("td", {}, formatDate(m.PatientBirthDate)),
          h("td", {}, m.PatientSex || ""), h("td", { class: "num" }, (patient.Studies || []).length),
          h("td", {}, labelTags(patient.Labels)));
      }))) : h("p", {}, "No patient matches."),
    pager(patientSearch, hasNext, total, () => renderPatients(results)));
}

// Actions shared by patients, studies and series: modify, anonymize, download, delete, labels.
function resourceActions(kind, resource, afterDelete) {
  const path = `/${kind}/${resource.ID}`;
  return h("div", { class: "actions" },
    h("a", { class: "button", href: `#/modify/${kind}/${resource.ID}/anonymize` }, "Anonymize"),
    h("a", { class: "button secondary", href: `#/modify/${kind}/${resource.ID}/modify` }, "Modify"),
    h("a", { class: "button secondary", href: `${path}/archive`, download: `${resource.ID}.zip` }, "Download ZIP"),
    h("a", { class: "button secondary", href: `${path}/media`, download: `${resource.ID}-dicomdir.zip` }, "Download DICOMDIR"),
    h("button", { type: "button", class: "danger", onclick: async () => {
      if (!window.confirm(`Delete this ${kind.slice(0, -1)} and everything in it?`)) return;
      try {
        await api.del(path);
        announce("Deleted");
        location.hash = afterDelete;
      } catch (error) { showError(error); }
    } }, "Delete"));
}

function labelEditor(kind, resource) {
  const list = h("span", { class: "labels" });
  const render = (labels) => setChildren(list, ...labels.map((label) =>
    h("span", { class: "tag" }, label, h("button", { type: "button", "aria-label": `Remove label ${label}`,
      onclick: async () => {
        try {
          await api.del(`/${kind}/${resource.ID}/labels/${encodeURIComponent(label)}`);
          render(labels.filter((l) => l !== label));
        } catch (error) { showError(error); }
      } }, "×"))));
  render(resource.Labels || []);
  const input = h("input", { name: "label", autocomplete: "off", pattern: "[A-Za-z0-9_-]+",
    title: "Letters, digits, - and _" });
  const form = h("form", { class: "actions", "aria-label": "Labels" },
    h("span", {}, "Labels: "), list, field("New label", input),
    h("button", { type: "submit", class: "secondary" }, "Add label"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const label = input.value.trim();
    if (!label) return;
    try {
      await api.put(`/${kind}/${resource.ID}/labels/${encodeURIComponent(label)}`);
      resource.Labels = [...new Set([...(resource.Labels || []), label])];
      render(resource.Labels);
      input.value = "";
    } catch (error) { showError(error); }
  });
  return form;
}

function breadcrumbs(...links) {
  return h("p", { class: "breadcrumbs" }, links.map(([text, href]) => [h("a", { href }, text), " › "]));
}

// #/patients/{id}
export async function patient(id) {
  const display = viewFor(location.hash);
  const [resource, studyList] = await Promise.all([api.get(`/patients/${id}`), api.get(`/patients/${id}/studies`)]);
  const m = resource.MainDicomTags || {};
  display("Patient", breadcrumbs(["Patients", "#/patients"]),
    h("h1", {}, `Patient ${formatName(m.PatientName)}`),
    props([["Patient ID", m.PatientID], ["Birth date", formatDate(m.PatientBirthDate)],
      ["Sex", m.PatientSex], ["Orthanc ID", resource.ID]]),
    resourceActions("patients", resource, "#/patients"),
    labelEditor("patients", resource),
    h("h2", {}, "Studies"),
    h("table", {}, h("thead", {}, h("tr", {}, ["Date", "Description", "Accession", "Series"].map((n) => h("th", { scope: "col" }, n)))),
      h("tbody", {}, studyList.map((study) => h("tr", {},
        h("td", {}, h("a", { href: `#/studies/${study.ID}` }, formatDate(study.MainDicomTags.StudyDate) || "(no date)")),
        h("td", {}, study.MainDicomTags.StudyDescription || ""),
        h("td", {}, study.MainDicomTags.AccessionNumber || ""),
        h("td", { class: "num" }, study.Series.length))))));
}

// #/studies/{id}
export async function study(id) {
  const display = viewFor(location.hash);
  const [resource, seriesList] = await Promise.all([api.get(`/studies/${id}`), api.get(`/studies/${id}/series`)]);
  const m = resource.MainDicomTags || {};
  const p = resource.PatientMainDicomTags || {};
  seriesList.sort((a, b) => Number(a.MainDicomTags.SeriesNumber || 0) - Number(b.MainDicomTags.SeriesNumber || 0));
  display("Study", breadcrumbs(["Studies", "#/studies"], [formatName(p.PatientName) || "Patient", `#/patients/${resource.ParentPatient}`]),
    h("h1", {}, `Study ${m.StudyDescription || ""}`.trim()),
    h("div", { class: "columns" },
      props([["Patient name", formatName(p.PatientName)], ["Patient ID", p.PatientID],
        ["Birth date", formatDate(p.PatientBirthDate)], ["Sex", p.PatientSex]]),
      props([["Study date", formatDate(m.StudyDate)], ["Accession number", m.AccessionNumber],
        ["Description", m.StudyDescription], ["Study Instance UID", m.StudyInstanceUID],
        ["Orthanc ID", resource.ID]])),
    resourceActions("studies", resource, "#/studies"),
    labelEditor("studies", resource),
    h("h2", {}, "Series"),
    h("table", {}, h("thead", {}, h("tr", {}, ["Number", "Modality", "Description", "Instances"].map((n) => h("th", { scope: "col" }, n)))),
      h("tbody", {}, seriesList.map((series) => h("tr", {},
        h("td", {}, h("a", { href: `#/series/${series.ID}` }, series.MainDicomTags.SeriesNumber || "(series)")),
        h("td", {}, series.MainDicomTags.Modality || ""),
        h("td", {}, h("a", { href: `#/series/${series.ID}` }, series.MainDicomTags.SeriesDescription || "(no description)")),
        h("td", { class: "num" }, series.Instances.length))))));
}

const THUMBS_PER_PAGE = 48;

// #/series/{id}: its instances as thumbnails, a page at a time.
export async function series(id) {
  const display = viewFor(location.hash);
  const resource = await api.get(`/series/${id}`);
  const instances = await api.get(`/series/${id}/instances`);
  instances.sort((a, b) => Number(a.MainDicomTags.InstanceNumber || 0) - Number(b.MainDicomTags.InstanceNumber || 0));
  const m = resource.MainDicomTags || {};
  const grid = h("ul", { class: "thumbs", "aria-label": "Instances" });
  const state = { page: 0 };
  const nav = h("div");
  const render = () => {
    const page = instances.slice(state.page * THUMBS_PER_PAGE, (state.page + 1) * THUMBS_PER_PAGE);
    setChildren(grid, ...page.map((instance) => {
      const number = instance.MainDicomTags.InstanceNumber || "";
      return h("li", {}, h("a", { href: `#/instances/${instance.ID}` },
        h("img", { src: `/instances/${instance.ID}/preview`, loading: "lazy", alt: `Instance ${number}` }),
        h("span", {}, `Instance ${number}`)));
    }));
    setChildren(nav, instances.length > THUMBS_PER_PAGE
      ? pager(state, (state.page + 1) * THUMBS_PER_PAGE < instances.length, null, render) : "");
  };
  render();
  display("Series", breadcrumbs(["Studies", "#/studies"], ["Study", `#/studies/${resource.ParentStudy}`]),
    h("h1", {}, `Series ${m.SeriesNumber || ""} ${m.SeriesDescription || ""}`.trim()),
    props([["Modality", m.Modality], ["Description", m.SeriesDescription], ["Number", m.SeriesNumber],
      ["Instances", instances.length], ["Series Instance UID", m.SeriesInstanceUID], ["Orthanc ID", resource.ID]]),
    resourceActions("series", resource, `#/studies/${resource.ParentStudy}`),
    labelEditor("series", resource),
    h("h2", {}, "Instances"), grid, nav);
}
