// Today's check-in: show the slider's number as it moves, and bring the
// red-flag questions into view when pain rises above the last check-in.
// The form works without this script; the server asks again if needed.
(() => {
  const slider = document.querySelector("input[type=range][data-output]");
  if (!slider) return;
  const out = document.getElementById(slider.dataset.output);
  const flags = document.querySelector("details#red-flags");
  const seen = document.getElementById("flags-seen");
  const why = document.getElementById("flags-why");
  const update = () => {
    const v = Number(slider.value);
    if (out) out.textContent = String(v);
    slider.setAttribute("aria-valuetext", `${v} out of 10`);
    if (flags && flags.dataset.prevPain !== undefined && v > Number(flags.dataset.prevPain)) {
      flags.open = true;
      if (why) why.hidden = false;
    }
  };
  slider.addEventListener("input", update);
  update();
  if (flags && seen) {
    flags.addEventListener("toggle", () => { if (flags.open) seen.value = "1"; });
  }
})();
