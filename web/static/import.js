// Import: upload with XMLHttpRequest to show progress, then "Processing"
// until the server answers with the result, which takes the form's place.
// Without JavaScript the form posts as usual and the server renders the
// same result as a page.
(() => {
  const form = document.getElementById("import-form");
  if (!form || !window.FormData) return;
  const upload = document.getElementById("import-upload");
  const result = document.getElementById("import-result");
  const box = document.getElementById("import-status");
  const bar = document.getElementById("import-progress");
  const text = document.getElementById("import-status-text");
  const button = form.querySelector("button[type=submit]");
  const maxBytes = Number(form.dataset.maxBytes || 0);

  const problem = (message) => {
    result.innerHTML = "";
    const div = document.createElement("div");
    div.className = "error import-problem";
    div.setAttribute("role", "alert");
    div.dataset.testid = "import-error";
    const h = document.createElement("h2");
    h.textContent = "Nothing was imported";
    const p = document.createElement("p");
    p.textContent = message;
    div.append(h, p);
    result.append(div);
    result.focus();
  };
  const label = button.textContent;
  const done = () => {
    box.hidden = true;
    button.disabled = false;
    button.textContent = label;
  };

  form.addEventListener("submit", (e) => {
    const file = form.elements.file.files[0];
    if (!file) return; // the browser's own check, or the server, answers
    e.preventDefault();
    if (maxBytes && file.size > maxBytes) {
      problem("File: " + file.name + " is larger than " + form.dataset.maxSize + ", the most this server accepts.");
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Requested-With", "backload-import");
    let said = -1;
    xhr.upload.onprogress = (ev) => {
      if (!ev.lengthComputable) return;
      bar.max = ev.total;
      bar.value = ev.loaded;
      const pct = Math.floor((100 * ev.loaded) / ev.total);
      if (Math.floor(pct / 10) !== said) { // speak every tenth, not every event
        said = Math.floor(pct / 10);
        text.textContent = "Uploading: " + said * 10 + "%";
      }
    };
    xhr.upload.onload = () => {
      bar.removeAttribute("value"); // an indeterminate bar while the server works
      text.textContent = "Processing… a long history can take a minute.";
    };
    xhr.onload = () => {
      done();
      const path = new URL(xhr.responseURL || form.action, location.href).pathname;
      if (path !== "/import") { // the log-in ended: go where the server sent us
        location.href = xhr.responseURL;
        return;
      }
      const partial = xhr.getResponseHeader("Content-Type") || "";
      if (!partial.startsWith("text/html") || xhr.status >= 500) {
        problem("Something went wrong on the server. Please try again in a moment.");
        return;
      }
      result.innerHTML = xhr.responseText;
      if (xhr.status === 200) upload.hidden = true;
      result.focus();
    };
    xhr.onerror = () => {
      done();
      problem("The upload did not reach Backload. Check your connection and try again; files over " + form.dataset.maxSize + " are refused.");
    };
    button.disabled = true;
    button.textContent = "Importing…";
    bar.value = 0;
    said = -1;
    text.textContent = "Uploading: 0%";
    box.hidden = false;
    result.innerHTML = "";
    xhr.send(new FormData(form));
  });
})();
