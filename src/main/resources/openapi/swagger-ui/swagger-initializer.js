// RestLab's Swagger UI: the document this server serves, tried against this same server.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // No request to the online validator: RestLab works with no internet.
    validatorUrl: null,
    tryItOutEnabled: true,
    displayOperationId: true,
    displayRequestDuration: true,
    docExpansion: "list"
  });
};
