(function () {
  "use strict";
  function all(open) {
    document.querySelectorAll("details.msg").forEach(function (d) { d.open = open; });
  }
  document.getElementById("expand").addEventListener("click", function () { all(true); });
  document.getElementById("collapse").addEventListener("click", function () { all(false); });
})();
