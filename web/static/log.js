// The log page's conveniences: the rest countdown after a set, the class
// of the exercise as it is typed, and the plate step for the chosen unit.
// The page works without this script: sets are logged by plain forms, and
// the rest box then says the time the rest ends.
(() => {
  "use strict";

  const timerBox = document.getElementById("rest-timer");
  if (timerBox) restTimer(timerBox);
  const exercise = document.getElementById("exercise");
  if (exercise) liveClass(exercise);
  const unit = document.getElementById("unit");
  if (unit) plateStep(unit);
  const form = document.getElementById("log-form");
  if (form) oneTapOnce(form);

  // restTimer counts down to the end of the rest, keeps the screen on while
  // it runs where the browser allows it, and buzzes and beeps at the end.
  function restTimer(box) {
    const clock = document.getElementById("rest-clock");
    const note = document.getElementById("rest-note");
    const more = document.getElementById("rest-more");
    const stop = document.getElementById("rest-stop");
    const controls = document.getElementById("rest-controls");
    // The end is counted on this device's clock from the seconds left, so
    // a phone whose clock is off still rests the right time.
    let end = Date.now() + Number(box.dataset.seconds || 90) * 1000;
    let tick = 0;
    let lock = null;
    let done = false;
    controls.hidden = false;

    const fmt = (s) => Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");

    async function keepAwake() {
      if (lock || !("wakeLock" in navigator) || document.visibilityState !== "visible") return;
      try {
        lock = await navigator.wakeLock.request("screen");
        lock.addEventListener("release", () => { lock = null; });
      } catch (_) {
        lock = null; // refused (battery saver, no permission): the timer still runs
      }
    }
    function letSleep() {
      if (lock) lock.release().catch(() => {});
      lock = null;
    }
    function update() {
      const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      clock.textContent = fmt(left);
      if (left === 0 && !done) finish();
    }
    function run() {
      done = false;
      box.classList.remove("rest-done");
      clearInterval(tick);
      tick = setInterval(update, 250);
      update();
      keepAwake();
    }
    function finish() {
      done = true;
      clearInterval(tick);
      box.classList.add("rest-done");
      note.textContent = "Rest over: time for your next set.";
      if (navigator.vibrate) navigator.vibrate([300, 150, 300]);
      beep();
      letSleep();
    }

    more.addEventListener("click", () => {
      end = (done ? Date.now() : end) + 30000;
      note.textContent = "30 seconds added.";
      run();
    });
    stop.addEventListener("click", () => {
      clearInterval(tick);
      letSleep();
      box.hidden = true;
      const weight = document.getElementById("weight");
      if (weight) weight.focus();
    });
    // A page in the background may have its timers slowed: catch up, and
    // take the wake lock again, which the browser drops when hidden.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && !done) {
        update();
        keepAwake();
      }
    });
    run();
  }

  // beep plays a short tone; browsers may refuse sound until the page has
  // been touched, and then the vibration alone tells.
  function beep() {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return;
      const ctx = new Ctx();
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.2;
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.4);
      osc.onended = () => ctx.close();
    } catch (_) {
      // no sound: fine
    }
  }

  // liveClass shows how the typed exercise loads the back, using the same
  // classifier as the server.
  function liveClass(input) {
    const hint = document.getElementById("exercise-class");
    const labelsEl = document.getElementById("class-labels");
    if (!hint || !labelsEl) return;
    const labels = JSON.parse(labelsEl.textContent || "{}");
    let wait = 0;
    let asked = input.value.trim();
    input.addEventListener("input", () => {
      clearTimeout(wait);
      wait = setTimeout(lookup, 350);
    });
    async function lookup() {
      const name = input.value.trim();
      if (name === asked) return;
      asked = name;
      if (!name) {
        hint.textContent = "";
        return;
      }
      try {
        const r = await fetch("/api/v1/classify?name=" + encodeURIComponent(name), { headers: { Accept: "application/json" } });
        if (!r.ok || input.value.trim() !== name) return;
        const c = await r.json();
        let text = c.name && c.name !== name ? c.name + " · " : "";
        text += labels[c.class] || c.class;
        if (c.source === "inferred") text += " (guessed from the name)";
        hint.textContent = text;
      } catch (_) {
        // offline: the server classifies the set when it is saved
      }
    }
  }

  // oneTapOnce ignores a second tap while the first set is being sent, so
  // a double tap with sweaty fingers logs one set, not two.
  function oneTapOnce(f) {
    let sent = false;
    f.addEventListener("submit", (e) => {
      if (sent) e.preventDefault();
      sent = true;
    });
    // Coming back to the page from the browser's cache starts afresh.
    window.addEventListener("pageshow", () => { sent = false; });
  }

  // plateStep keeps the weight field's step and hint on the chosen unit.
  function plateStep(select) {
    const weight = document.getElementById("weight");
    const label = document.getElementById("plate-step");
    select.addEventListener("change", () => {
      const step = select.value === "lb" ? select.dataset.stepLb : select.dataset.stepKg;
      if (weight && step) weight.step = step;
      if (label && step) label.textContent = step + " " + select.value;
    });
  }
})();
