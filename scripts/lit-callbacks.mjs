// Shared by the manifest's filter (custom-elements-manifest.config.mjs) and its check (scripts/check-manifest.mjs).

/** Implemented for the browser or for Lit, called by them: never a page's API. */
export const CALLBACKS = new Set([
  'constructor',
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'adoptedCallback',
  'formAssociatedCallback',
  'formResetCallback',
  'formDisabledCallback',
  'formStateRestoreCallback',
  'createRenderRoot',
  'render',
  'update',
  'updated',
  'firstUpdated',
  'willUpdate',
  'shouldUpdate',
  'performUpdate',
  'scheduleUpdate',
  'getUpdateComplete',
]);
