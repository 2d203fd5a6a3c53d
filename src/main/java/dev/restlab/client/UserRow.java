package dev.restlab.client;

/** A user as the API lists it, from the client's side of the wire. */
public record UserRow(String id, String name, String email) {
}
