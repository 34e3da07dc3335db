// A React page with the sign-up form and the activation step (ae-auth-elements/react), against a server that
// follows the REST contract at /api/auth. `npm run example:react` serves it with the contract server.
import { useEffect, useState } from 'react';
import { AeActivate, AeRegister } from 'ae-auth-elements/react';
import { setLocale } from 'ae-auth-elements';

/** The activation letter links back to this page with the token in the fragment (`#token=…`). */
const openedFromLetter = () => /[#?&]token=/.test(location.href);

export function SignUp() {
  const [email, setEmail] = useState<string>();
  const [fromLetter, setFromLetter] = useState(openedFromLetter);
  // The link pasted into this tab changes only the fragment: no new page load.
  useEffect(() => {
    const onHashChange = () => setFromLetter((was) => was || openedFromLetter());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return (
    <main>
      <select onChange={(e) => void setLocale(e.target.value)} aria-label="Language">
        <option value="en">English</option>
        <option value="ru">Русский</option>
        <option value="bg">Български</option>
      </select>
      {fromLetter ? (
        // Reads the token from the address and removes it from there; the greeting's slot holds the next step.
        <AeActivate tokenFromUrl endpoint="/api/auth">
          <a slot="activated" href="/">
            Continue
          </a>
        </AeActivate>
      ) : email ? (
        <AeActivate email={email} endpoint="/api/auth" onAeActivateChangeEmail={() => setEmail(undefined)} />
      ) : (
        <AeRegister
          endpoint="/api/auth"
          afterSuccess="message"
          onAeRegisterSuccess={(e) => setEmail(e.detail.email)}
          onAeRegisterError={(e) => console.warn('registration failed:', e.detail.code)}
        />
      )}
    </main>
  );
}
