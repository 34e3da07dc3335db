import { msg } from '@lit/localize/init/install.js';
import type { BuiltInSection } from './section.js';

/** The navigation's labels (and each section's heading): in the shell, since the first render shows them. */
export function sectionLabel(section: BuiltInSection): string {
  switch (section) {
    case 'overview':
      return msg('My account', { id: 'account.nav.overview', desc: 'Account navigation: the overview of the buyer’s account (glossary: My account).' });
    case 'orders':
      return msg('My orders', { id: 'account.nav.orders', desc: 'Account navigation: the list of the buyer’s orders (glossary).' });
    case 'messages':
      return msg('Message center', { id: 'account.nav.messages', desc: 'Account navigation: conversations with stores and support (glossary).' });
    case 'wishes':
      return msg('My wishes', { id: 'account.nav.wishes', desc: 'Account navigation: saved products, the wish list (glossary).' });
    case 'stores':
      return msg('Favorite stores', { id: 'account.nav.stores', desc: 'Account navigation: saved sellers (glossary).' });
    case 'coupons':
      return msg('My coupons', { id: 'account.nav.coupons', desc: 'Account navigation: discount coupons (glossary).' });
    case 'points':
      return msg('My points', { id: 'account.nav.points', desc: 'Account navigation: loyalty points balance and history (glossary).' });
    case 'payments':
      return msg('Payments', { id: 'account.nav.payments', desc: 'Account navigation: cards and payment methods, on the payment provider’s page (glossary).' });
    case 'preferences':
      return msg('Location and currency', { id: 'account.nav.preferences', desc: 'Account navigation: the buyer’s country and the currency prices are shown in (glossary).' });
    case 'addresses':
      return msg('Shipping addresses', { id: 'account.nav.addresses', desc: 'Account navigation: saved shipping addresses (glossary: Shipping address).' });
    case 'profile':
      return msg('Profile and security', { id: 'account.nav.profile', desc: 'Account navigation: names, e-mail, password, sessions, sign-out.' });
  }
}

export function navLabel(): string {
  return msg('Account sections', { id: 'account.nav.label', desc: 'Accessible name of the account panel’s navigation (a side list or a tab bar).' });
}

export function loadFailedText(): string {
  return msg('This section could not be loaded. Check the connection and try again.', {
    id: 'account.chunk.failed',
    desc: 'The code of an account section could not be downloaded (a network problem). A "Try again" button follows.',
  });
}

export function signedOutText(): string {
  return msg('Sign in to see your account.', { id: 'account.signedOut', desc: 'Above the sign-in form the account panel shows when nobody is signed in.' });
}

export function sessionFailedText(): string {
  return msg('We could not check whether you are signed in.', {
    id: 'account.session.failed',
    desc: 'The account panel could not ask the server who is signed in. A reason and "Try again" follow.',
  });
}
