import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { Failure } from '../../internal/failure.js';
import { sharedFailureText } from '../../locales/shared-failure-text.js';

/** The words of `<ae-user-menu>`, produced at render time (a locale change re-renders them). */

export function signInText(): string {
  return msg('Sign in', { id: 'userMenu.signIn', desc: 'Button in the page header that opens the sign-in form.' });
}

export function registerText(): string {
  return msg('Register', {
    id: 'userMenu.register',
    desc: 'Button in the page header, next to "Sign in", that opens the registration form (ru: Регистрация, bg: Регистрация).',
  });
}

export function retryText(): string {
  return msg('Try again', {
    id: 'userMenu.retry',
    desc: 'Button that tries again after a failure: asking whether the person is signed in, or loading the sign-in form.',
  });
}

/** The menu button: "Hello, Maria", or without a first name a neutral label. */
export function greetingText(firstName: string): string {
  return firstName
    ? msg(str`Hello, ${firstName}`, {
        id: 'userMenu.greeting',
        desc: 'The menu button in the page header when signed in; the placeholder is the first name in Latin letters (ru: Здравствуйте, Maria).',
      })
    : msg('Your profile', {
        id: 'userMenu.greeting.noName',
        desc: 'The menu button in the page header when signed in and the first name is unknown.',
      });
}

export function accountText(): string {
  return msg('My account', {
    id: 'userMenu.account',
    desc: 'Menu item that opens the account overview (ru: Мой профиль, bg: Моят профил).',
  });
}

export function signOutText(): string {
  return msg('Sign out', { id: 'userMenu.signOut', desc: 'Menu item that signs the person out (ru: Выйти, bg: Изход).' });
}

export function closeText(): string {
  return msg('Close', { id: 'userMenu.dialog.close', desc: 'Button (an ×) that closes the sign-in or registration dialog.' });
}

/** Why asking for the session (`session`) or signing out (`signOut`) failed (too many attempts: how long to wait). */
export function failureText(failure: Failure, what: 'session' | 'signOut'): string {
  return (
    sharedFailureText(failure) ??
    (what === 'session'
      ? msg('Could not check whether you are signed in.', {
          id: 'userMenu.error.session',
          desc: 'In the page header, when the server could not say whether the person is signed in. A "Try again" button follows.',
        })
      : msg('Could not sign out. Try again.', {
          id: 'userMenu.error.signOut',
          desc: 'In the page header, under the menu button, when signing out failed on the server.',
        }))
  );
}
