/** "ivan.petrov@example.com" → "i***@example.com": enough to recognise one's own address, not to read it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  return `${email[0]}***${email.slice(at)}`;
}
