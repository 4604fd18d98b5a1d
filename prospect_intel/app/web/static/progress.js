// Crawl progress on the list page: polls /progress.json while a crawl runs; text only, no markup.
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box) { return; }
  var text = document.getElementById("progress-text");
  var bar = document.getElementById("progress-bar");
  var done = document.getElementById("progress-done");
  var template = box.getAttribute("data-text");  // in the page's language
  var wasRunning = !box.classList.contains("hidden");

  function show(state) {
    if (state.running) {
      wasRunning = true;
      box.classList.remove("hidden");
      state.started_at = String(state.started_at).replace("T", " ").slice(0, 16);
      text.textContent = template.replace(/%\((\w+)\)s/g, function (_, key) { return String(state[key]); });
      bar.value = state.percent;
    } else if (wasRunning) {
      bar.value = 100;
      done.classList.remove("hidden");
    }
  }

  function poll() {
    fetch(box.getAttribute("data-url"), {credentials: "same-origin", cache: "no-store"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) { if (state) { show(state); } })
      .catch(function () {})
      .then(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 3000);
})();
