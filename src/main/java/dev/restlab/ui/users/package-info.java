/**
 * The users pane: create, list, filter, get and delete users through real HTTP.
 */
package dev.restlab.ui.users;
