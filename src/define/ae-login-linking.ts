/**
 * `<ae-login>` as the social block's link step loads it (an existing profile signs in with its password to link a
 * social account): the sign-in form and its password recovery, without the hand-offs to registration and to the
 * social block that define/ae-login.ts adds. Not a public entry point; see LoginHandOffs for why it exists.
 * On a page that also imports define/ae-login.ts, before or after this module, `<ae-login>` has all its hand-offs.
 */
import { AeLogin, provideLoginHandOffs } from '../components/login/login.js';
import { defineOnce } from '../internal/define.js';

provideLoginHandOffs({ forgot: () => import('./ae-forgot-password.js') });
defineOnce('ae-login', AeLogin);
