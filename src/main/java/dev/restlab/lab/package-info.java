/**
 * Labs as data: a lab file's steps, the tracker that ticks them from live traffic, the report.
 */
package dev.restlab.lab;
