// Small DOM helpers: elements are built with textContent, never from HTML strings, so that
// values of the data sets cannot inject markup.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key === "class") element.className = value;
    else if (key in element && typeof value !== "string") element[key] = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

// Replace the children of ``element`` (nested arrays flattened; null, undefined and false skipped).
export function setChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

// The view area: replace its content, give it a title and move the focus to it.
export function show(title, ...children) {
  const view = document.getElementById("view");
  view.replaceChildren();
  append(view, children);
  document.title = title ? `${title} – Lethe` : "Lethe";
  return view;
}

// Views are async: one that ends after the user went elsewhere must not replace the newer one.
// A view that waits for the server before showing itself takes ``viewFor(location.hash)`` first
// thing: its show(), which throws StaleView (ignored by the router) once the page's hash changed.
export class StaleView extends Error {}

export function viewFor(hash) {
  return (title, ...children) => {
    if (location.hash !== hash) throw new StaleView(`${hash} is no longer shown`);
    return show(title, ...children);
  };
}

export function announce(message) {
  document.getElementById("status").textContent = message;
}

export function showError(error) {
  const alert = document.getElementById("alert");
  alert.replaceChildren(
    h("span", { class: "message" }, error instanceof Error ? error.message : String(error)),
    h("button", { type: "button", class: "secondary", onclick: clearError }, "Dismiss"));
  alert.hidden = false;
}

export function clearError() {
  const alert = document.getElementById("alert");
  alert.hidden = true;
  alert.replaceChildren();
}

// DICOM values for people: dates as YYYY-MM-DD, person names without carets.
export function formatDate(value) {
  return /^\d{8}$/.test(value || "") ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : (value || "");
}

export function formatName(value) {
  return (value || "").replace(/\^+/g, " ").trim();
}

export function field(labelText, input) {
  if (!input.id) input.id = `f-${Math.random().toString(36).slice(2, 9)}`;
  return h("div", { class: "field" }, h("label", { for: input.id }, labelText), input);
}

export function props(entries) {
  return h("dl", { class: "props" },
    entries.filter(([, value]) => value !== undefined && value !== null && value !== "")
      .flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));
}
