// Starts Swagger UI on the docs page (a file of its own: the CSP forbids inline scripts).
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({ url: root.dataset.url, domNode: root, deepLinking: true });
});
