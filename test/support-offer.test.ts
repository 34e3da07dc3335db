import { expect } from '@open-wc/testing';
import { html, LitElement, render } from 'lit';
import type { TemplateResult } from 'lit';
import { SupportOffer } from '../src/internal/support-offer.js';
import type { StartConversationInput, SupportCapability } from '../src/adapter/support-types.js';
import type { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { setLocale } from '../src/locales/localization.js';
import { realClick } from './helpers/dom.js';
import { cleanPage, conversationOf, messageLines, supportAdapter, until } from './support-helpers.js';

const PASSWORD = 'Sekret-2026';

/** A tiny form that fails like <ae-register> and tells the controller, rendered into its light DOM. */
class OfferHost extends LitElement {
  adapter?: unknown;
  email = 'maria@example.com';
  readonly offer = new SupportOffer(this, { flow: 'register', email: () => this.email });
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
  protected override render(): TemplateResult {
    return html`<form><input type="password" aria-label="Password" .value=${PASSWORD} />${this.offer.render()}</form>`;
  }
}
customElements.define('test-offer-host', OfferHost);

/** The real adapter, recording what `startConversation` was given (every call still goes to it). */
function recording(adapter: MemoryAdapter): { adapter: MemoryAdapter; starts: StartConversationInput[] } {
  const starts: StartConversationInput[] = [];
  const proxy = new Proxy(adapter, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === 'startConversation') {
        return (input: StartConversationInput, o?: Parameters<SupportCapability['startConversation']>[1]) => {
          starts.push(JSON.parse(JSON.stringify(input)) as StartConversationInput);
          return target.startConversation(input, o);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { adapter: proxy, starts };
}

async function mountHost(adapter: unknown): Promise<OfferHost> {
  const host = document.createElement('test-offer-host') as OfferHost;
  host.adapter = adapter;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

function offerButton(host: OfferHost): HTMLButtonElement | null {
  return host.querySelector('.ae-support-offer button');
}

describe('SupportOffer', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => {
    cleanPage();
    for (const el of document.querySelectorAll('test-offer-host')) el.remove();
  });

  it('offers the chat after the third wrong captcha in a row, not before; a success starts the count again', async () => {
    const host = await mountHost(supportAdapter());
    host.offer.failure('captcha_invalid');
    host.offer.failure('captcha_invalid');
    await host.updateComplete;
    expect(offerButton(host) === null, 'expected none: offerButton(host)').to.equal(true);
    expect(host.offer.shouldOffer).to.equal(false);
    host.offer.success();
    host.offer.failure('captcha_invalid');
    host.offer.failure('email_taken');
    host.offer.failure('captcha_invalid');
    await host.updateComplete;
    expect(offerButton(host) === null, 'a success broke the row').to.equal(true);
    host.offer.failure('captcha_invalid');
    await host.updateComplete;
    expect(offerButton(host)!.textContent!.trim()).to.equal('Still cannot register? Write to support');
  });

  it('offers it after two server faults, and after the letter did not come twice', async () => {
    const host = await mountHost(supportAdapter());
    host.offer.failure('server');
    await host.updateComplete;
    expect(offerButton(host) === null, 'expected none: offerButton(host)').to.equal(true);
    host.offer.failure('timeout');
    await host.updateComplete;
    expect(host.offer.shouldOffer).to.equal(true);
    host.offer.success();
    await host.updateComplete;
    expect(offerButton(host) === null, 'expected none: offerButton(host)').to.equal(true);
    host.offer.failure('letter_not_arrived');
    host.offer.failure('network');
    await host.updateComplete;
    expect(host.offer.shouldOffer).to.equal(false);
    host.offer.failure('letter_not_arrived');
    await host.updateComplete;
    expect(host.offer.shouldOffer).to.equal(true);
  });

  it('opens a chat the page did not have, on the topic, with the context and no secret', async () => {
    const { adapter, starts } = recording(supportAdapter());
    const host = await mountHost(adapter);
    expect(document.querySelector('ae-support') === null, "expected none: document.querySelector('ae-support')").to.equal(true);
    for (let i = 0; i < 3; i++) host.offer.failure('captcha_invalid');
    await host.updateComplete;
    await realClick(offerButton(host)!);
    await until(() => document.querySelector('ae-support'), 'an <ae-support> in the page');
    const support = document.querySelector('ae-support')!;
    await until(() => support.open && conversationOf(support), 'the open chat on a conversation');
    expect(starts.length).to.equal(1);
    const start = starts[0]!;
    expect(start.topic).to.equal('captcha');
    expect(start.email).to.equal('maria@example.com');
    expect(start.context).to.deep.equal({
      step: 'register',
      errorCodes: ['captcha_invalid', 'captcha_invalid', 'captcha_invalid'],
      locale: 'en',
      maskedEmail: 'm***@example.com',
    });
    expect(JSON.stringify(start)).not.to.contain(PASSWORD);
    expect(JSON.stringify(start.context)).not.to.contain('maria@');
    await until(() => messageLines(conversationOf(support)).some((l) => l.startsWith('agent:')), 'the agent answers');
  });

  it('<ae-support-link> opens the page’s chat, creating one when there is none', async () => {
    await import('../src/define/ae-support-link.js');
    const link = document.createElement('ae-support-link');
    document.body.append(link);
    await link.updateComplete;
    const button = link.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Support');
    await realClick(button);
    await until(() => document.querySelector('ae-support')?.open, 'the chat opens');
    await realClick(button);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelectorAll('ae-support').length).to.equal(1);
    link.remove();
  });

  it('uses the page’s own <ae-support> when there is one', async () => {
    const adapter = supportAdapter();
    await import('../src/define/ae-support.js');
    const own = document.createElement('ae-support');
    own.adapter = adapter;
    document.body.append(own);
    const host = await mountHost(adapter);
    host.offer.failure('server');
    host.offer.failure('server');
    await host.updateComplete;
    await realClick(offerButton(host)!);
    await until(() => own.open, 'the page’s chat opens');
    expect(document.querySelectorAll('ae-support').length).to.equal(1);
    render(html``, host);
  });
});
