/**
 * The files people write and share: how RestLab writes a file another person will open
 * ({@link dev.restlab.files.SharedFile}) and how it reads a small YAML file a person wrote, a lab or
 * a check scenario ({@link dev.restlab.files.YamlReader}), bounded and refused at the line.
 */
package dev.restlab.files;
