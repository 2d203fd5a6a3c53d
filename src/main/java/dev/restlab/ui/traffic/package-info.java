/**
 * The Traffic tab: the list of exchanges, the request and response as sent, HAR actions.
 */
package dev.restlab.ui.traffic;
