// Keeps relative dates ("4 days ago") true on cached pages: every <time data-relative
// datetime="..."> gets its text recomputed from its datetime, in the server's own words.
// Progressive enhancement only: without this script the server's wording stays.
(function () {
  "use strict";

  var MINUTE = 60;
  var HOUR = 60 * MINUTE;
  var DAY = 24 * HOUR;

  function ago(n, unit) {
    return n + " " + unit + (n === 1 ? "" : "s") + " ago";
  }

  // Mirrors base::FormatRelative on the server.
  function relative(seconds) {
    if (seconds < MINUTE) return "just now";
    var minutes = Math.floor(seconds / MINUTE);
    if (minutes < 60) return ago(minutes, "minute");
    var hours = Math.floor(seconds / HOUR);
    if (hours < 24) return ago(hours, "hour");
    var days = Math.floor(seconds / DAY);
    if (days === 1) return "yesterday";
    if (days < 14) return ago(days, "day");
    if (days < 60) return ago(Math.floor(days / 7), "week");
    if (days < 365) return ago(Math.floor(days / 30), "month");
    return ago(Math.floor(days / 365), "year");
  }

  function refresh() {
    var now = Date.now();
    var times = document.querySelectorAll("time[data-relative][datetime]");
    for (var i = 0; i < times.length; i++) {
      var then = Date.parse(times[i].getAttribute("datetime"));
      if (isNaN(then)) continue;
      var text = relative(Math.floor((now - then) / 1000));
      if (times[i].textContent !== text) times[i].textContent = text;
    }
  }

  refresh();
  window.setInterval(refresh, 60 * 1000);
})();
