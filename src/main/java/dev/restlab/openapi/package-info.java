/**
 * The OpenAPI document of the API and the check of an exchange against it.
 */
package dev.restlab.openapi;
