/**
 * The API tab: the OpenAPI document and Swagger UI.
 */
package dev.restlab.ui.api;
