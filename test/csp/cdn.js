// The page script of test/csp/cdn.html: the CDN build (`npm run build` made it) and nothing else of the library.
import * as library from '/dist/cdn/ae-auth-elements.js';

window.cspCdn = library;
