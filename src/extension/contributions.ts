// The names package.json contributes, for activation (extension.ts) and the features it loads alike:
// a leaf, so the activation bundle stays a few kilobytes.

/** Command id of "Run Gradient Descent". */
export const RUN_COMMAND = 'gradientDescent.run';
/** Command id of "Compare Learning Rates" (opens the panel on the learning-rate view). */
export const COMPARE_COMMAND = 'gradientDescent.compareLearningRates';
/** Command id of "Insert Iteration Table". */
export const INSERT_TABLE_COMMAND = 'gradientDescent.insertIterationTable';
/** The panel's webview view type (its serializer restores it after a reload). */
export const PANEL_VIEW_TYPE = 'gradientDescent.panel';
/** The settings' section: gradientDescent.*. */
export const SETTINGS_SECTION = 'gradientDescent';
