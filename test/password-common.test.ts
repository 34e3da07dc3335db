/**
 * The common-password check of new passwords: isCommonPassword(), its list, its lazy chunk, its message.
 */
import { expect } from '@open-wc/testing';
import {
  commonPasswordIssue,
  isCommonPassword,
  preloadCommonPasswords,
} from '../src/validation/common-passwords.js';
import { validateNewPassword, validateRegistrationField } from '../src/validation/validate.js';
import { validationMessage } from '../src/validation/messages.js';

const listRequests = () =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes('common-passwords-list'));

describe('isCommonPassword', () => {
  // First: nothing has asked for the list yet on this page.
  it('loads its list only when first asked, in a chunk of its own, once', async () => {
    expect(listRequests(), 'requested before the first check').to.have.length(0);
    await Promise.all([isCommonPassword('anything-1'), preloadCommonPasswords()]);
    expect(listRequests()).to.have.length(1);
    await isCommonPassword('anything-2');
    expect(listRequests()).to.have.length(1);
  });

  it('knows the most common passwords that the rules let through, in any case', async () => {
    // The head of the zxcvbn-ts frequency list, filtered by the rules (8+ characters, a letter and a digit).
    for (const pw of ['1qaz2wsx', 'trustno1', 'password1', 'qwerty123', 'passw0rd', 'abcd1234', 'iloveyou1']) {
      expect(await isCommonPassword(pw), pw).to.equal(true);
    }
    for (const pw of ['Password1', 'PASSWORD1', 'QwErTy123', 'TrustNo1']) expect(await isCommonPassword(pw), pw).to.equal(true);
  });

  it('compares nothing but the case: other passwords, spaces around, the ones the rules refuse already', async () => {
    for (const pw of ['Tr0ub4dor&3-horse', 'Sign-in-2026', ' password1', 'password1 ', 'pass word1', '123456', 'password', '']) {
      expect(await isCommonPassword(pw), JSON.stringify(pw)).to.equal(false);
    }
  });

  it('holds a few thousand distinct lower-case entries, each one the password rules would accept', async () => {
    const { COMMON_PASSWORDS, COMMON_PASSWORD_COUNT } = await import('../src/validation/common-passwords-list.js');
    const entries = COMMON_PASSWORDS.split('\n');
    expect(entries).to.have.length(COMMON_PASSWORD_COUNT);
    expect(COMMON_PASSWORD_COUNT).to.be.within(3000, 20_000);
    expect(new Set(entries).size).to.equal(entries.length);
    for (const pw of entries) {
      if (pw !== pw.toLowerCase() || validateRegistrationField('password', { password: pw })) {
        expect.fail(`${JSON.stringify(pw)} is not a lower-case password the rules accept`);
      }
    }
  });

  it('gives the issue password.common, with a message of its own', async () => {
    expect(await commonPasswordIssue('Password1')).to.deep.equal({ code: 'password.common' });
    expect(await commonPasswordIssue('Sign-in-2026')).to.equal(undefined);
    const text = validationMessage({ code: 'password.common' }, 'password');
    expect(text).to.include('common');
    expect(text).not.to.equal(validationMessage({ code: 'no.such.code' }, 'password'));
  });
});

describe('validateNewPassword', () => {
  it('checks the password with the registration schema and its repetition', () => {
    expect(validateNewPassword({ password: 'Sign-in-2026', passwordRepeat: 'Sign-in-2026' })).to.deep.equal({});
    expect(validateNewPassword({ password: 'short1', passwordRepeat: 'short2' })).to.deep.equal({
      password: { code: 'password.tooShort', params: { min: 8 } },
      passwordRepeat: { code: 'passwordRepeat.mismatch' },
    });
    expect(validateNewPassword({ password: 'Sign-in-2026', passwordRepeat: '' }, { minLength: 20 })).to.deep.equal({
      password: { code: 'password.tooShort', params: { min: 20 } },
      passwordRepeat: { code: 'passwordRepeat.required' },
    });
  });
});
