/**
 * When the worker's own modules started evaluating (epoch ms). Imported first by the background,
 * so this runs before the other modules (the bundled knowledge base's data among them): the
 * benchmark splits a woken worker's start into the browser's part (the worker and its script
 * loaded and compiled) and the evaluation of our modules.
 */
export const EVALUATION_START = performance.timeOrigin + performance.now();
