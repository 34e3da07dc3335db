import { svg } from 'lit';
import type { SVGTemplateResult } from 'lit';
import type { SocialProviderId } from '../../events/social-events.js';

/**
 * The providers' marks, drawn here (no image, no font, no request to the provider before a press), to the
 * proportions their button rules publish:
 * - VK ID ("Sign in with VK ID"): the white VK mark on VK blue #0077FF, white text.
 * - Google (Sign in with Google branding): the four-colour "G" on every theme of the button, which changes
 *   only the button: light (white, #747775 outline, #1F1F1F text), dark (#131314, #8E918F outline, #E3E3E3
 *   text), neutral (#F2F2F2, no outline).
 * - Facebook ("Continue with Facebook"): the white round "f" mark on #1877F2, white text.
 * Each mark is decorative (`aria-hidden`): the button's text names the provider.
 */

export const SOCIAL_PROVIDERS: readonly SocialProviderId[] = ['vk', 'google', 'facebook'];

/** The provider's own name, the same in every language. */
export const BRAND_NAMES: Readonly<Record<SocialProviderId, string>> = { vk: 'VK ID', google: 'Google', facebook: 'Facebook' };

/** Parses `providers="vk google facebook"`: known ids in the given order, each once. */
export function parseProviders(value: string | null | undefined): SocialProviderId[] {
  const out: SocialProviderId[] = [];
  for (const word of (value ?? '').toLowerCase().split(/[\s,]+/)) {
    const id = word === 'vkid' || word === 'vk-id' ? 'vk' : word;
    if ((SOCIAL_PROVIDERS as readonly string[]).includes(id) && !out.includes(id as SocialProviderId)) out.push(id as SocialProviderId);
  }
  return out;
}

/** A ring segment of the "G" from angle `a` to `b` (degrees, clockwise from 3 o'clock), radius 7, centre 12,12. */
function arc(a: number, b: number): string {
  const r = 7;
  const p = (deg: number) => {
    const t = (deg * Math.PI) / 180;
    return `${(12 + r * Math.cos(t)).toFixed(2)} ${(12 + r * Math.sin(t)).toFixed(2)}`;
  };
  const large = (b - a + 360) % 360 > 180 ? 1 : 0;
  return `M${p(a)}A${r} ${r} 0 ${large} 1 ${p(b)}`;
}

const G_PATHS = {
  red: arc(-142, -40),
  yellow: arc(150, 218),
  green: arc(40, 150),
  blue: arc(0, 40),
};

export function brandMark(provider: SocialProviderId): SVGTemplateResult {
  switch (provider) {
    case 'vk':
      // The VK mark: a white rounded square with the blue "VK" letterform cut into it.
      return svg`<svg class="ae-mark" viewBox="0 0 24 24" aria-hidden="true">
        <rect x="1.5" y="1.5" width="21" height="21" rx="6.5" fill="#fff"></rect>
        <path d="M5.2 8.2h2.1c.3 3.1 1.6 4.9 2.6 5.2V8.2h2v2.7c1-.1 2.1-1.3 2.5-2.7h1.9c-.3 1.7-1.6 3-2.5 3.5.9.4 2.4 1.6 2.9 3.6h-2.1c-.4-1.3-1.5-2.4-2.7-2.5v2.5h-.3c-4 0-6.3-2.7-6.4-7.1z" fill="#0077FF"></path>
      </svg>`;
    case 'google':
      return svg`<svg class="ae-mark" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke-width="3.4">
        <path d=${G_PATHS.red} stroke="#EA4335"></path>
        <path d=${G_PATHS.yellow} stroke="#FBBC05"></path>
        <path d=${G_PATHS.green} stroke="#34A853"></path>
        <path d=${G_PATHS.blue} stroke="#4285F4"></path>
        <path d="M12.2 12h7.1" stroke="#4285F4"></path>
      </svg>`;
    default:
      // The round "f": white disc, the letter in Facebook blue reaching the disc's lower edge.
      return svg`<svg class="ae-mark" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="10.5" fill="#fff"></circle>
        <path d="M13.4 22.4v-8h2.7l.4-3.1h-3.1V9.4c0-.9.3-1.5 1.6-1.5h1.6V5.1c-.3 0-1.2-.1-2.3-.1-2.3 0-3.9 1.4-3.9 4v2.3H7.8v3.1h2.6v7.8c1 .3 2 .3 3 .2z" fill="#1877F2"></path>
      </svg>`;
  }
}
