// Import: upload with XMLHttpRequest to show progress, then follow the
// server's reading and storing of the file (it records how far it has got
// under a key we choose, readable from any replica) until it answers with
// the result, which takes the form's place.
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
  // A random name for the import: only its owner can read its progress.
  const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
  let polling = null;
  const follow = (key) => {
    let said = "";
    const tick = async () => {
      try {
        const res = await fetch("/api/v1/imports/progress/" + key, { headers: { Accept: "application/json" } });
        if (res.ok) {
          const p = await res.json();
          if (p.phase === "reading" || p.phase === "storing") {
            bar.max = 100;
            bar.value = p.percent;
            // Speak each tenth, not every poll.
            const say = (p.phase === "reading" ? "Reading the file: " : "Storing your sessions: ") + Math.floor(p.percent / 10) * 10 + "%";
            if (say !== said) text.textContent = said = say;
          }
        }
      } catch (_) {
        // A missed poll is no matter: the answer to the upload is what counts.
      }
      if (polling !== null) polling = setTimeout(tick, 500);
    };
    polling = setTimeout(tick, 250);
  };
  const done = () => {
    clearTimeout(polling);
    polling = null;
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
    const key = newKey();
    const target = new URL(form.action, location.href);
    target.searchParams.set("progress", key);
    xhr.open("POST", target.href);
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
      bar.removeAttribute("value"); // indeterminate until the server says how far it is
      text.textContent = "Processing… a long history can take a minute.";
      follow(key);
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
