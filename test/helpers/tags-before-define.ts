// Imported first by test/connect-order.test.ts: the tags are in the page before the modules that define them
// evaluate, as on a page whose HTML holds them. The elements are then upgraded, and connected, inside those
// modules' top-level code, before the importing module's own code runs.
document.body.insertAdjacentHTML('beforeend', '<ae-captcha id="in-html"></ae-captcha><ae-user-menu id="menu-in-html"></ae-user-menu>');
