// cuttings: small conveniences on top of pages that work without JavaScript.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Changing the sort order submits the form; the button stays for keyboards.
  var sort = document.getElementById("sort");
  if (sort && sort.form) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }
  // "/" focuses the search box, as on most search sites.
  var q = document.getElementById("q");
  document.addEventListener("keydown", function (e) {
    if (!q || e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
    e.preventDefault();
    q.focus();
    q.select();
  });
});
