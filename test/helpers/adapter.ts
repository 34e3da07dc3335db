import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/adapter/adapter-error.js';
import type { AdapterErrorCode } from '../../src/adapter/adapter-error.js';

/** What a promise rejected with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

/** Asserts that the call rejects with an AdapterError of `code`, and returns it. */
export async function adapterError(promise: Promise<unknown>, code: AdapterErrorCode): Promise<AdapterError> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(AdapterError);
  expect((error as AdapterError).code, (error as Error).message).to.equal(code);
  return error as AdapterError;
}
