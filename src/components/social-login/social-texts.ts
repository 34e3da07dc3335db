import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { SocialErrorCode, SocialProviderId } from '../../events/social-events.js';
import { connectionFailureText, rateLimitedText, unsupportedText } from '../../locales/failure-messages.js';
import { BRAND_NAMES } from './brand-marks.js';

/**
 * Every text of `<ae-social-login>` (ids `social.*`), produced at render time so that a change of locale
 * re-renders them. Provider names are the brands' own ("VK ID", "Google", "Facebook") in every language.
 */

/** The button's text and accessible name: each provider's published call to action. */
export function buttonText(provider: SocialProviderId): string {
  switch (provider) {
    case 'vk':
      return msg('Sign in with VK ID', {
        id: 'social.button.vk',
        desc: 'The VK ID button, in the words of VK ID’s own button rules (ru «Войти с VK ID»). "VK ID" stays as it is.',
      });
    case 'google':
      return msg('Continue with Google', {
        id: 'social.button.google',
        desc: 'The Google button, in the words of Google’s button rules ("Continue with Google"). "Google" stays as it is.',
      });
    default:
      return msg('Continue with Facebook', {
        id: 'social.button.facebook',
        desc: 'The Facebook button, in the words of Facebook’s button rules ("Continue with Facebook"). "Facebook" stays as it is.',
      });
  }
}

export function groupLabel(): string {
  return msg('Sign in with a social account', {
    id: 'social.group',
    desc: 'Accessible name of the group of social sign-in buttons (VK ID, Google, Facebook).',
  });
}

export function dividerText(before: boolean): string {
  if (before) {
    return msg('or', {
      id: 'social.divider.or',
      desc: 'Divider between the e-mail form above and the social sign-in buttons below it, in lower case (a line on each side).',
    });
  }
  return msg('or with e-mail', {
    id: 'social.divider.email',
    desc: 'Divider between the social sign-in buttons and the e-mail form, in lower case (a line on each side).',
  });
}

/** The privacy note: whoever does not want to give access to a social account registers with an e-mail instead. */
export function privacyText(): string {
  return msg('Do not want to give us access to a social account?', {
    id: 'social.privacy.question',
    desc: 'Privacy note under the social buttons; followed by the link or text "Register with your e-mail instead".',
  });
}

export function privacyAction(): string {
  return msg('Register with your e-mail instead', {
    id: 'social.privacy.action',
    desc: 'After the privacy question: a link that moves to the e-mail registration form (or plain text when there is none on the page).',
  });
}

export function privacyDetail(): string {
  return msg('We receive only your name and e-mail address, and never post anything on your behalf.', {
    id: 'social.privacy.detail',
    desc: 'Privacy note under the social buttons: what the marketplace receives from the provider.',
  });
}

export function waitingText(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`Continue in the ${name} window…`, {
    id: 'social.waiting.popup',
    desc: 'Status while the provider’s sign-in window (popup) is open; the placeholder is "VK ID", "Google" or "Facebook".',
  });
}

export function connectingText(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`Connecting to ${name}…`, {
    id: 'social.waiting.connecting',
    desc: 'Status while the flow with the provider starts or finishes; the placeholder is "VK ID", "Google" or "Facebook".',
  });
}

export function showWindowText(): string {
  return msg('Show the window', { id: 'social.waiting.show', desc: 'Button that brings the provider’s sign-in window to the front.' });
}

export function cancelText(): string {
  return msg('Cancel', { id: 'social.cancel', desc: 'Button that stops the social sign-in under way (nothing changes).' });
}

export function tryAgainText(): string {
  return msg('Try again', { id: 'register.retry', desc: 'Button that sends the form again after a connection or server error.' });
}

export function samePageText(): string {
  return msg('Continue in this window', {
    id: 'social.blocked.samePage',
    desc: 'Button after the browser blocked the provider’s window: the sign-in goes on in this window instead.',
  });
}

/** What went wrong, in the person's words, after an `ae-social-error`. */
export function errorText(code: SocialErrorCode, provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  switch (code) {
    case 'popup_blocked':
      return msg(str`The browser blocked the ${name} window. Allow pop-up windows for this site, or continue in this window.`, {
        id: 'social.error.popupBlocked',
        desc: 'The browser blocked the provider’s sign-in window (pop-up); the placeholder is the provider’s name.',
      });
    case 'popup_closed':
      return msg(str`The ${name} window was closed before the sign-in finished. Nothing has changed; you can try again.`, {
        id: 'social.error.popupClosed',
        desc: 'The person closed the provider’s window; the placeholder is the provider’s name.',
      });
    case 'denied':
      return msg(str`You did not allow access in ${name}. Nothing has changed; you can try again or use your e-mail.`, {
        id: 'social.error.denied',
        desc: 'The person refused the consent at the provider; the placeholder is the provider’s name.',
      });
    case 'state_mismatch':
    case 'token_invalid':
    case 'token_expired':
      return msg(str`The answer from ${name} could not be confirmed, so nothing was done. Try again.`, {
        id: 'social.error.state',
        desc: 'The provider’s answer did not belong to the sign-in started here (or expired): a security check. The placeholder is the provider’s name.',
      });
    case 'forbidden':
      return msg(str`This ${name} account is already linked to another profile.`, {
        id: 'social.error.forbidden',
        desc: 'Linking a social account that belongs to another profile; the placeholder is the provider’s name.',
      });
    case 'not_activated':
      return msg('The profile is not activated yet. Open the letter we sent and press “Activate profile”, then try again.', {
        id: 'social.error.notActivated',
        desc: 'The social account belongs to a profile whose activation letter was not opened yet. "Activate profile" is the button in the letter.',
      });
    case 'network':
    case 'timeout':
      return connectionFailureText(code);
    case 'unsupported':
      return unsupportedText();
    case 'rate_limited':
      // A wait, not a failure of ours (the wait itself is not passed here: "a little").
      return rateLimitedText();
    default:
      return msg('Something went wrong on our side. Try again in a moment.', {
        id: 'activate.error.server',
        desc: 'Shown when the server failed (checking the link or sending a new letter).',
      });
  }
}

// ---- profile completion -----------------------------------------------------------------------------------

export function profileTitle(): string {
  return msg('Finish your profile', { id: 'social.profile.title', desc: 'Heading of the form a new person fills after a social sign-in.' });
}

export function profileIntro(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`${name} gave us these details. Check them: on our marketplace the name is written in Latin letters, as in your foreign passport.`, {
    id: 'social.profile.intro',
    desc: 'Under the heading of the profile form after a social sign-in; the placeholder is the provider’s name.',
  });
}

export function profileEmailHint(provider: SocialProviderId, given: boolean): string {
  const name = BRAND_NAMES[provider];
  return given
    ? msg(str`We will send a letter to confirm the address ${name} gave us.`, {
        id: 'social.profile.emailHint.given',
        desc: 'Hint of the e-mail field prefilled with the provider’s address that the provider does not vouch for; the placeholder is the provider’s name.',
      })
    : msg(str`${name} did not share your e-mail. We will send a letter to confirm it.`, {
        id: 'social.profile.emailHint.none',
        desc: 'Hint of the empty e-mail field after a social sign-in that gave no address; the placeholder is the provider’s name.',
      });
}

export function profileEmailVerified(email: string, provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`E-mail: ${email} (confirmed by ${name})`, {
    id: 'social.profile.emailVerified',
    desc: 'Line in the profile form when the provider vouched for the address; placeholders: the address and the provider’s name.',
  });
}

export function useOneText(suggestion: string): string {
  return msg(str`Use “${suggestion}”`, {
    id: 'register.suggestion',
    desc: 'Button under a name field that puts the suggested Latin spelling into the field. Use the quotation marks of your language.',
  });
}

export function useBothText(first: string, last: string): string {
  const both = `${first} ${last}`;
  return msg(str`Use “${both}”`, {
    id: 'social.profile.useBoth',
    desc: 'Button under the name fields that puts the suggested Latin first and last name into both fields. Use the quotation marks of your language.',
  });
}

export function profileSubmit(): string {
  return msg('Create profile', { id: 'register.submit', desc: 'Submit button of the registration form.' });
}

export function profileSubmitting(): string {
  return msg('Creating profile…', { id: 'register.submitting', desc: 'Submit button text while the profile is being created.' });
}

// ---- linking an existing profile ---------------------------------------------------------------------------

export function linkTitle(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`Link ${name} to your profile`, {
    id: 'social.link.title',
    desc: 'Heading when the provider’s address belongs to an existing profile; the placeholder is the provider’s name.',
  });
}

export function linkText(email: string, provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`A profile with the address ${email} already exists. Sign in with its password once, and ${name} is linked to it.`, {
    id: 'social.link.text',
    desc: 'Explains why the person must sign in with the password first; placeholders: the masked address (i***@example.com) and the provider’s name.',
  });
}

export function linkingText(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`Linking ${name}…`, { id: 'social.link.pending', desc: 'Status while the social account is being linked after the password sign-in.' });
}

// ---- outcomes --------------------------------------------------------------------------------------------------

export function signedInTitle(firstName: string): string {
  return firstName
    ? msg(str`Hello, ${firstName}!`, { id: 'login.success.title', desc: 'Heading after signing in; the placeholder is the first name.' })
    : msg('You are signed in', { id: 'login.success.titleNoName', desc: 'Heading after signing in when the name is unknown.' });
}

export function signedInText(): string {
  return msg('You are signed in.', { id: 'login.success.text', desc: 'Text under the heading after signing in.' });
}

export function linkedDoneText(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`${name} is linked: next time you can sign in with it.`, {
    id: 'social.link.done',
    desc: 'After linking a social account to the profile; the placeholder is the provider’s name.',
  });
}

export function verifyTitle(): string {
  return msg('Profile created', { id: 'register.success.title', desc: 'Heading shown after the profile was created.' });
}

export function verifyText(masked: string): string {
  return msg(str`We sent a letter to ${masked}. Open it and press “Activate profile” to finish.`, {
    id: 'register.success.text',
    desc: 'Shown after registration; the placeholder is the masked e-mail address (i***@example.com). "Activate profile" is the button in the letter.',
  });
}

export function startOverText(): string {
  return msg('Start over', { id: 'social.startOver', desc: 'Button that leaves the profile form or the linking step and shows the social buttons again.' });
}

// ---- the linked view ------------------------------------------------------------------------------------------

export function linkedTitle(): string {
  return msg('Social accounts', { id: 'social.linked.title', desc: 'Heading of the list of social accounts linked to the profile (account panel).' });
}

export function linkedIntro(): string {
  return msg('Sign in with a linked account instead of your password.', {
    id: 'social.linked.intro',
    desc: 'Under the heading of the linked social accounts.',
  });
}

export function linkedAsText(displayName: string): string {
  return msg(str`Linked: ${displayName}`, {
    id: 'social.linked.as',
    desc: 'Under a provider in the list: the social account’s name as the provider gave it (may be Cyrillic).',
  });
}

export function notLinkedText(): string {
  return msg('Not linked', { id: 'social.linked.none', desc: 'Under a provider in the list that is not linked to the profile.' });
}

export function unlinkText(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`Unlink ${name}`, { id: 'social.linked.unlink', desc: 'Button that removes the link to the provider; the placeholder is the provider’s name.' });
}

export function linkButtonText(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`Link ${name}`, { id: 'social.linked.link', desc: 'Button that links the provider to the profile; the placeholder is the provider’s name.' });
}

export function unlinkedText(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`${name} is unlinked.`, { id: 'social.linked.unlinked', desc: 'Status after unlinking a provider; the placeholder is the provider’s name.' });
}

export function lastMethodText(provider: SocialProviderId): string {
  const name = BRAND_NAMES[provider];
  return msg(str`${name} is the only way to sign in to your profile, so it cannot be unlinked. Set a password or link another account first.`, {
    id: 'social.linked.last',
    desc: 'Refusal to unlink the last way to sign in; the placeholder is the provider’s name.',
  });
}

export function signedOutText(): string {
  return msg('Sign in to see your linked social accounts.', {
    id: 'social.linked.signedOut',
    desc: 'The linked accounts view while nobody is signed in.',
  });
}

export function loadingText(): string {
  return msg('Loading…', { id: 'social.loading', desc: 'While the list of linked social accounts loads.' });
}
