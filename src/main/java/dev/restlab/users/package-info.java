/**
 * Where users are kept: the {@code UserStore} interface, SQLite with group commit, and in memory.
 */
package dev.restlab.users;
