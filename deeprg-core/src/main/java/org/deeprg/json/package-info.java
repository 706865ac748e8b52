/**
 * The one JSON configuration of deeprg ({@link org.deeprg.json.Json}): records by component names, the format of
 * {@code result.json}, {@code --json} output and checkpoints.
 */
package org.deeprg.json;
