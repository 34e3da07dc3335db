import { expect, waitUntil } from '@open-wc/testing';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { AeRegister, AeCaptcha } from '../src/react/index.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { setDefaultAdapter } from '../src/internal/default-adapter.js';
import type { AeRegisterSuccessEvent } from '../src/events/register-events.js';
import { captchaOf, captchaReady, realClick, typeCaptcha, typeInto } from './helpers/dom.js';

describe('React wrappers (ae-auth-elements/react)', () => {
  let host: HTMLDivElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('render the element, pass properties and attributes, and call typed event props', async () => {
    const adapter = new MemoryAdapter({ captchaAnswer: 'Ab3dE' });
    const received: AeRegisterSuccessEvent[] = [];
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        React.createElement(AeRegister, {
          adapter,
          passwordMinLength: 10,
          afterSuccess: 'message',
          onAeRegisterSuccess: (e: AeRegisterSuccessEvent) => received.push(e),
        }),
      ),
    );
    const el = host.querySelector('ae-register')!;
    expect(el.adapter === adapter, 'adapter passed as a property').to.equal(true);
    expect(el.passwordMinLength).to.equal(10);
    await el.updateComplete;
    await captchaReady(captchaOf(el));
    await typeInto(el, 'email', 'react@example.com');
    await typeInto(el, 'firstName', 'Maria');
    await typeInto(el, 'lastName', 'Ivanova');
    await typeInto(el, 'password', 'Sekret-2026');
    await typeInto(el, 'passwordRepeat', 'Sekret-2026');
    await typeCaptcha(captchaOf(el), 'Ab3dE');
    await realClick(el.querySelector('button[type=submit]')!);
    await waitUntil(() => received.length === 1, 'onAeRegisterSuccess called');
    expect(received[0]!.detail.email).to.equal('react@example.com');
    root.unmount();
  });

  it("AeCaptcha's first picture comes from its adapter prop, set by React after the element is connected", async () => {
    const calls: string[] = [];
    const own = new MemoryAdapter();
    const page = new MemoryAdapter();
    setDefaultAdapter({ getCaptcha: (o) => (calls.push('default'), page.getCaptcha(o)) });
    try {
      const root = createRoot(host);
      flushSync(() =>
        root.render(React.createElement(AeCaptcha, { adapter: { getCaptcha: (o) => (calls.push('own'), own.getCaptcha(o)) } })),
      );
      const el = host.querySelector('ae-captcha')!;
      await captchaReady(el);
      expect(own.debugCaptchaAnswer(el.captchaId!), 'the picture is the own adapter\'s').to.be.a('string');
      expect(calls, 'one picture, never from the page default').to.deep.equal(['own']);
      root.unmount();
    } finally {
      setDefaultAdapter(undefined);
    }
  });

  it('AeCaptcha forwards native input events to onInput', async () => {
    const adapter = new MemoryAdapter();
    const values: string[] = [];
    const root = createRoot(host);
    flushSync(() =>
      root.render(
        React.createElement(AeCaptcha, {
          adapter,
          required: true,
          onInput: (e: Event) => values.push((e.currentTarget as HTMLElement & { value: string }).value),
        }),
      ),
    );
    const el = host.querySelector('ae-captcha')!;
    await captchaReady(el);
    await typeCaptcha(el, 'xY');
    expect(values).to.deep.equal(['x', 'xY']);
    root.unmount();
  });
});
