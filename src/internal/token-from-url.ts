/**
 * Reads a link token from the page address, `#token=…` (the letters' links: a fragment never reaches a server
 * log or a `Referer`) or `?token=…` (older letters), and removes it from there (`history.replaceState`), so
 * that the token stays neither in the session history nor in the referrer of later requests.
 * Used by `<ae-activate>` and `<ae-reset-password>`.
 */
export function takeTokenFromUrl(): string | undefined {
  if (typeof location === 'undefined') return undefined;
  let url: URL;
  try {
    url = new URL(location.href);
  } catch {
    return undefined;
  }
  const fragment = new URLSearchParams(url.hash.slice(1));
  const token = fragment.get('token') ?? url.searchParams.get('token');
  if (token === null) return undefined;
  if (fragment.has('token')) {
    fragment.delete('token');
    url.hash = fragment.size ? fragment.toString() : '';
  } else {
    url.searchParams.delete('token');
  }
  try {
    history.replaceState(history.state, '', url.href);
  } catch {
    // A sandboxed frame may refuse; the token is still used.
  }
  return token || undefined;
}
