// Backload's small shared script. Pages work without it; it only adds
// conveniences (confirmations before destructive actions).
document.addEventListener("submit", (e) => {
  const msg = e.target.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) e.preventDefault();
});
