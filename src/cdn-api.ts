/**
 * The CDN build's second file, dist/cdn/api.js: the library's whole programmatic API (the adapters, the
 * validation schemas and rules, the transliteration) for a page without a bundler. The elements' file
 * (dist/cdn/ae-auth-elements.js) does not carry it, so a sign-up page that only drops in a tag fetches the
 * forms and nothing else; this file imports that one, so a page that loads both has one copy of everything.
 */
export * from './cdn.js';
export * from './adapter/index.js';
export * from './validation/index.js';
export * from './translit/index.js';
