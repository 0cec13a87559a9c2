/* dateline pages: draw the charts (vendored Vega-Lite) and follow clicks on points to their sentence.
   Reading works without this file; it adds the charts and the outline of a passage a link points at. */
(function () {
  "use strict";

  // Only links this page made: a path on this server or an anchor in this file (the report).
  function safeLink(link) {
    return typeof link === "string" && /^(\/(?!\/)|#)/.test(link);
  }

  function drawCharts() {
    if (typeof vegaEmbed === "undefined" || typeof vega === "undefined") return;
    document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-spec"));
      if (!source) return;
      var spec = JSON.parse(source.textContent);
      vegaEmbed(el, spec, {
        actions: false, renderer: "svg", defaultStyle: false,
        ast: true, expr: vega.expressionInterpreter,          // no eval: the CSP forbids it
        tooltip: {disableDefaultStyle: true}
      }).then(function (result) {
        el.classList.add("rendered");
        result.view.addEventListener("click", function (event, item) {
          var datum = item && item.datum;
          if (datum && safeLink(datum.link)) window.location.href = datum.link;
        });
      }).catch(function (err) {
        el.appendChild(document.createTextNode("The chart could not be drawn: " + err));
      });
    });
  }

  // "#s12-80" (or "#d3-s12-80" in the report): outline that passage of the article it is in.
  function outlineTarget() {
    var m = /^#(?:(d\d+)-)?s(\d+)-(\d+)$/.exec(window.location.hash);
    if (!m) return;
    var container = document.getElementById(m[1] || "text");
    if (!container) return;
    var start = Number(m[2]), end = Number(m[3]);
    document.querySelectorAll(".article-text .focus").forEach(function (el) { el.classList.remove("focus"); });
    container.querySelectorAll("[data-s]").forEach(function (el) {
      if (Number(el.getAttribute("data-s")) >= start && Number(el.getAttribute("data-e")) <= end) {
        el.classList.add("focus");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    outlineTarget();
  });
  window.addEventListener("hashchange", outlineTarget);
})();
