/**
 * Hostile input (issue 19), the support chat, social sign-in and the address form: their text sinks (SINKS in
 * helpers/hostile-sinks.ts) — chat messages and agent replies, author names, quick replies, the conversation
 * title, the providers' display names and addresses, the saved addresses shown back — each payload shown as
 * text, no script run.
 */
import '../src/define/ae-conversation.js';
import '../src/define/ae-support.js';
import '../src/define/ae-social-login.js';
import '../src/define/ae-address-form.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { describeSinks } from './helpers/hostile-sinks.js';

setSessionChannelName(`ae-test:hostile-input-chat:${Math.random()}`);

describeSinks((s) => ['ae-conversation', 'ae-support', 'ae-social-login', 'ae-address-form'].includes(s.element));
