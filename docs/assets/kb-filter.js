/* Coverage tables on crosswalk pages: a select shows one group (chapter, function or area) at a time.
   Without JavaScript every group stays visible. */
(function () {
  "use strict";
  function init() {
    document.querySelectorAll("select[data-kb-filter]").forEach(function (select) {
      var key = select.getAttribute("data-kb-filter");
      select.closest(".kb-filter").hidden = false;
      select.addEventListener("change", function () {
        document.querySelectorAll('[data-kb-group^="' + key + ':"]').forEach(function (group) {
          var id = group.getAttribute("data-kb-group").slice(key.length + 1);
          group.hidden = select.value !== "" && select.value !== id;
        });
      });
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
