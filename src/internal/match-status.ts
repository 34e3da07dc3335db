import { msg } from '@lit/localize/init/install.js';

/**
 * Whether two typed passwords match, shown under the repeat while it is typed once both are filled: "match" as
 * soon as they do, "do not match" once the repeat stops being the start of the password (not while it still may
 * be). One rule and one pair of texts for every form that asks for a new password twice.
 */
export function matchStatus(password: string, repeat: string): { status?: { text: string; tone: 'ok' | 'bad' } } {
  if (!password || !repeat) return {};
  if (password === repeat) {
    return {
      status: {
        tone: 'ok',
        text: msg('Passwords match', {
          id: 'register.passwords.match',
          desc: 'Shown under the repeated password while both passwords are the same.',
        }),
      },
    };
  }
  if (password.startsWith(repeat)) return {};
  return {
    status: {
      tone: 'bad',
      text: msg('Passwords do not match', {
        id: 'register.passwords.noMatch',
        desc: 'Shown under the repeated password while it is typed and differs from the first one.',
      }),
    },
  };
}
