// Backload's guided core session. The page lists the whole routine and a
// form that logs it, and works without this script; the script turns the
// routine into a guide: one hold at a time, with a countdown, a sound and a
// vibration when a hold ends, rests between rounds, and pause, resume,
// skip and back. The form then logs the holds actually done.
"use strict";

(() => {
  const guide = document.getElementById("core-guide");
  const planEl = document.getElementById("core-plan");
  if (!guide || !planEl) return;
  const plan = JSON.parse(planEl.textContent);
  // ?speed=N runs the clock N times faster (for tests); 1 to 100.
  const speed = Math.min(100, Math.max(1, Number(guide.dataset.speed) || 1));
  const rounds = Math.max(...plan.groups.map((g) => g.round));

  // One step per hold: {g: index of its set in plan.groups, n: hold number}.
  const steps = [];
  plan.groups.forEach((g, gi) => {
    for (let n = 1; n <= g.holds; n++) steps.push({ g: gi, n: n });
  });
  const groupOf = (i) => plan.groups[steps[i].g];
  const exerciseOf = (i) => plan.exercises[groupOf(i).ex];

  const $ = (id) => document.getElementById(id);
  const ui = {
    step: $("core-step"), phase: $("core-phase"), exercise: $("core-exercise"),
    side: $("core-side"), count: $("core-count"), countdown: $("core-countdown"),
    instructions: $("core-instructions"), progress: $("core-progress"),
    progressText: $("core-progress-text"), done: $("core-done"),
    start: $("core-start"), pause: $("core-pause"), resume: $("core-resume"),
    skip: $("core-skip"), back: $("core-back"),
    form: $("core-form"), stepsField: $("core-steps"), seconds: $("core-seconds"),
    summary: $("core-summary"), finish: $("core-finish"),
  };

  // The guide's state. phase is ready (waiting for Start), hold, relax (a
  // short pause between holds of a set), rest (between sets) or done.
  // During relax and rest, idx is already the next hold.
  const state = { idx: 0, phase: "ready", left: 0, paused: false, done: new Set(), started: 0 };
  let timer = 0;
  let last = 0;
  let shownExercise = -1;

  // Progress survives a reload of the tab (a phone may discard it), and a
  // refused log; it is forgotten once the log succeeds (?ok= on /core).
  const storeKey = "backload-core";
  const planKey = JSON.stringify(plan.groups);
  function save(submitted) {
    try {
      sessionStorage.setItem(storeKey, JSON.stringify({ plan: planKey, idx: state.idx, done: [...state.done], started: state.started, submitted: !!submitted }));
    } catch (e) { /* storage unavailable: progress lives in memory only */ }
  }
  function restore() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storeKey) || "null");
      if (saved && saved.submitted && new URLSearchParams(location.search).has("ok")) {
        sessionStorage.removeItem(storeKey);
        return;
      }
      if (!saved || saved.plan !== planKey) return;
      state.idx = Math.min(Math.max(0, saved.idx | 0), steps.length);
      saved.done.forEach((i) => { if (i >= 0 && i < steps.length) state.done.add(i); });
      state.started = Number(saved.started) || 0;
      if (state.idx >= steps.length) state.phase = "done";
    } catch (e) { /* a broken entry: start afresh */ }
  }

  // Sound and vibration. The audio context may only start after a tap, so
  // it is made on the first Start.
  let audio = null;
  function unlockAudio() {
    const AC = window.AudioContext || window.webkitAudioContext;
    if (!audio && AC) {
      try { audio = new AC(); } catch (e) { audio = null; }
    }
    if (audio && audio.state === "suspended") audio.resume();
  }
  function beep(freq, ms) {
    if (!audio) return;
    try {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      const t = audio.currentTime;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.25, t);
      gain.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000);
      osc.connect(gain).connect(audio.destination);
      osc.start(t);
      osc.stop(t + ms / 1000);
    } catch (e) { /* no sound: the screen still says it */ }
  }
  function vibrate(pattern) {
    if (navigator.vibrate) navigator.vibrate(pattern);
  }
  const holdEnded = () => { beep(880, 250); vibrate([200, 100, 200]); };
  const goCue = () => { beep(660, 120); vibrate(80); };

  // Keep the screen on while the guide runs, where the browser allows it.
  let wakeLock = null;
  function keepAwake() {
    if (wakeLock || !navigator.wakeLock) return;
    navigator.wakeLock.request("screen").then((l) => {
      wakeLock = l;
      l.addEventListener("release", () => { wakeLock = null; });
    }).catch(() => {});
  }

  // The clock: the time left in the current phase, in milliseconds of
  // routine time, counted down speed times faster than real time.
  function run(seconds) {
    state.left = seconds * 1000;
    state.paused = false;
    last = performance.now();
    clearInterval(timer);
    timer = setInterval(tick, 50);
    keepAwake();
  }
  function stop() {
    clearInterval(timer);
    timer = 0;
  }
  function tick() {
    const now = performance.now();
    state.left -= (now - last) * speed;
    last = now;
    if (state.left > 0) {
      ui.countdown.textContent = String(Math.ceil(state.left / 1000));
      return;
    }
    stop();
    if (state.phase === "hold") endHold();
    else endBreak();
  }

  function startHold() {
    if (!state.started) state.started = Date.now();
    state.phase = "hold";
    run(plan.hold);
    render();
  }
  // A hold ran its time: it counts, then comes a relax, a rest or the end.
  function endHold() {
    holdEnded();
    state.done.add(state.idx);
    const sameSet = state.idx + 1 < steps.length && steps[state.idx + 1].g === steps[state.idx].g;
    state.idx++;
    if (state.idx >= steps.length) return finish();
    state.phase = sameSet ? "relax" : "rest";
    run(sameSet ? plan.relax : plan.rest);
    render();
  }
  // A relax or rest is over, or skipped: the next hold starts, unless it is
  // a new exercise, which waits for Start so there is time to read how.
  function endBreak() {
    stop();
    goCue();
    const newExercise = state.idx > 0 && groupOf(state.idx).ex !== groupOf(state.idx - 1).ex;
    if (newExercise) {
      state.phase = "ready";
      render();
    } else {
      startHold();
    }
  }
  function finish() {
    stop();
    state.phase = "done";
    state.paused = false;
    if (wakeLock) wakeLock.release().catch(() => {});
    render();
    ui.finish.focus();
  }
  // goTo shows hold i, waiting for Start.
  function goTo(i) {
    stop();
    state.paused = false;
    state.idx = Math.max(0, i);
    if (state.idx >= steps.length) return finish();
    state.phase = "ready";
    render();
  }

  ui.start.addEventListener("click", () => {
    unlockAudio();
    startHold();
    ui.pause.focus();
  });
  ui.pause.addEventListener("click", () => {
    stop();
    state.paused = true;
    render();
    ui.resume.focus();
  });
  ui.resume.addEventListener("click", () => {
    unlockAudio();
    state.paused = false;
    last = performance.now();
    timer = setInterval(tick, 50);
    keepAwake();
    render();
    ui.pause.focus();
  });
  // Skip leaves the current hold undone and moves on; during a relax or
  // rest it ends the break now.
  ui.skip.addEventListener("click", () => {
    if (state.phase === "done") return;
    if (state.phase === "relax" || state.phase === "rest") {
      state.paused = false;
      endBreak();
    } else {
      goTo(state.idx + 1);
    }
  });
  // Back returns to the hold before, to do it again; during a relax or rest
  // that is the hold just done. A hold once done stays done.
  ui.back.addEventListener("click", () => {
    if (state.phase === "done") return goTo(steps.length - 1);
    goTo(state.idx - 1);
  });

  // The form logs the holds done: per set, how many.
  function doneSets() {
    const counts = new Map();
    state.done.forEach((i) => counts.set(steps[i].g, (counts.get(steps[i].g) || 0) + 1));
    return [...counts.keys()].sort((a, b) => a - b).map((gi) => {
      const g = plan.groups[gi];
      const out = { exercise: g.exercise, round: g.round, holds: counts.get(gi) };
      if (g.side) out.side = g.side;
      return out;
    });
  }
  ui.form.addEventListener("submit", () => {
    ui.stepsField.value = JSON.stringify(doneSets());
    const secs = state.started ? Math.round((Date.now() - state.started) / 1000) : 0;
    ui.seconds.value = String(Math.min(secs, 4 * 60 * 60));
    save(true);
  });

  const phaseText = {
    ready: "Get ready, then press Start",
    hold: "Hold",
    relax: "Relax: the next hold starts soon",
    rest: "Rest",
    done: "All done: log your session below",
  };

  // render shows the state: the hold, the countdown and the buttons.
  function render() {
    const done = state.phase === "done";
    const i = Math.min(state.idx, steps.length - 1);
    const g = groupOf(i);
    const ex = exerciseOf(i);
    ui.step.dataset.phase = state.phase;
    ui.step.dataset.index = String(state.idx);
    ui.step.dataset.paused = String(state.paused);
    let text = phaseText[state.phase];
    if (state.phase === "rest") text += ". Next: " + ex.name + (g.sideLabel ? ", " + g.sideLabel.toLowerCase() : "");
    if (state.paused) text = "Paused. " + text;
    ui.phase.textContent = text;
    ui.exercise.textContent = ex.name;
    ui.side.textContent = g.sideLabel || "";
    ui.side.hidden = !g.sideLabel;
    ui.count.textContent = "Hold " + steps[i].n + " of " + g.holds + " · Round " + g.round + " of " + rounds;
    if (shownExercise !== g.ex) {
      shownExercise = g.ex;
      ui.instructions.replaceChildren(...ex.instructions.map((line) => {
        const li = document.createElement("li");
        li.textContent = line;
        return li;
      }));
    }
    const running = state.phase === "hold" || state.phase === "relax" || state.phase === "rest";
    ui.countdown.textContent = running ? String(Math.max(0, Math.ceil(state.left / 1000))) : done ? "0" : String(plan.hold);
    ui.start.hidden = state.phase !== "ready";
    ui.pause.hidden = !running || state.paused;
    ui.resume.hidden = !running || !state.paused;
    ui.skip.disabled = done;
    ui.back.disabled = state.idx === 0 && state.phase === "ready";
    ui.done.hidden = !done;
    ui.progress.value = state.done.size;
    ui.progressText.textContent = state.done.size + " of " + steps.length;
    ui.summary.textContent = state.done.size
      ? "This logs the " + state.done.size + " hold" + (state.done.size === 1 ? "" : "s") + " you have done."
      : "No holds done yet. The guide logs the holds you complete.";
    save();
  }

  restore();
  guide.hidden = false;
  render();
})();
