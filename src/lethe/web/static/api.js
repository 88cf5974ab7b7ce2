// The REST API of the server that serves this page: JSON in, JSON out, errors as exceptions.
// Credentials (HTTP Basic) are the browser's: same origin, nothing stored here.

export class ApiError extends Error {
  constructor(status, body) {
    const details = body && (body.Details || body.Message);
    super(details ? `${body.Message || "Error"}${body.Details ? ": " + body.Details : ""}`
      : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function parse(response) {
  const text = await response.text();
  let body = null;
  if (text) {
    try { body = JSON.parse(text); } catch { body = { Message: text.slice(0, 300) }; }
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function get(path) {
  return parse(await fetch(path, { headers: { Accept: "application/json" } }));
}

export async function post(path, body) {
  return parse(await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  }));
}

export async function put(path, body = "") {
  return parse(await fetch(path, { method: "PUT", body }));
}

export async function del(path) {
  return parse(await fetch(path, { method: "DELETE" }));
}

// Upload one file (DICOM or ZIP) with progress: onProgress(fraction). Resolves with the answer.
export function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/instances");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, { Message: "Network error" }));
    xhr.send(file);
  });
}
