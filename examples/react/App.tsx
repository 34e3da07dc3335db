// A React page with the sign-up form and the activation step (ae-auth-elements/react).
import { useState } from 'react';
import { AeActivate, AeRegister } from 'ae-auth-elements/react';
import { setLocale } from 'ae-auth-elements';

export function SignUp() {
  const [email, setEmail] = useState<string>();
  return (
    <main>
      <select onChange={(e) => void setLocale(e.target.value)} aria-label="Language">
        <option value="en">English</option>
        <option value="ru">Русский</option>
        <option value="bg">Български</option>
      </select>
      {email ? (
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
