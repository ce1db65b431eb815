// Gazette newsroom: small conveniences on top of pages that work without JavaScript.
// - Forms with data-autosave post their fields to the autosave URL a few seconds after the last
//   keystroke, so that a draft is not lost; the status line says when it was saved.
// - Buttons with data-confirm ask before they submit.
"use strict";

(function () {
  function autosave(form) {
    var url = form.getAttribute("data-autosave");
    var status = form.querySelector("[data-autosave-status]");
    var versionField = form.querySelector("input[name=version]");
    var timer = null;
    var inFlight = null; // the autosave request on its way, if any

    function say(text) {
      if (status) status.textContent = text;
    }

    function send() {
      if (inFlight) {
        timer = setTimeout(send, 1000);
        return;
      }
      var body = new URLSearchParams(new FormData(form));
      inFlight = fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRF-Token": form.querySelector("input[name=_csrf]").value },
      })
        .then(function (response) {
          return response.json().then(function (data) {
            if (!response.ok) throw new Error((data.errors && data.errors[0].message) || "not saved");
            if (versionField && data.version) versionField.value = data.version;
            say("Draft saved at " + new Date().toLocaleTimeString());
          });
        })
        .catch(function (error) {
          say("Not saved: " + error.message);
        })
        .finally(function () {
          inFlight = null;
        });
    }

    form.addEventListener("input", function () {
      say("Unsaved changes");
      clearTimeout(timer);
      timer = setTimeout(send, 3000);
    });
    // A save or an action posts the version the page holds. An autosave on its way changes that
    // version when it lands, so the submit waits for it rather than conflict with itself.
    form.addEventListener("submit", function (event) {
      clearTimeout(timer);
      if (!inFlight) return;
      event.preventDefault();
      var submitter = event.submitter;
      inFlight.finally(function () {
        form.requestSubmit(submitter);
      });
    });
  }

  document.querySelectorAll("form[data-autosave]").forEach(autosave);

  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
})();
