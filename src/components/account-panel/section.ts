import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { AccountCapability, Money } from '../../adapter/account-types.js';
import type { Session } from '../../adapter/types.js';
import type { AuthAdapter } from '../../adapter/types.js';
import type { SupportCapability } from '../../adapter/support-types.js';

/** The sections `<ae-account-panel>` brings (a host adds its own through slots). */
export const BUILT_IN_SECTIONS = [
  'overview',
  'orders',
  'messages',
  'wishes',
  'stores',
  'coupons',
  'points',
  'payments',
  'preferences',
  'addresses',
  'profile',
] as const;
export type BuiltInSection = (typeof BUILT_IN_SECTIONS)[number];

export function isBuiltIn(section: string): section is BuiltInSection {
  return (BUILT_IN_SECTIONS as readonly string[]).includes(section);
}

/** How a section shows a price: in the chosen currency, with the store's own price beside it when they differ. */
export interface PriceFormatter {
  /** The price as a template (the converted one first, the store's own in a smaller line). */
  price(money: Money): TemplateResult;
  /** A plain string of the converted price (for labels). */
  text(money: Money): string;
}

/** What the panel lends its sections. */
export interface PanelContext {
  /** The panel (sections request its updates). */
  readonly host: ReactiveControllerHost & HTMLElement;
  /** The account capability, checked for `method` (an `unsupported` rejection without it). */
  account(method: keyof AccountCapability): Promise<AccountCapability>;
  /** The support capability (the message center's conversations), checked for `method`. */
  support(method: keyof SupportCapability): Promise<SupportCapability>;
  /** The whole adapter as the panel resolved it (sections embed elements with the same backend). */
  readonly adapter: Partial<AuthAdapter> | undefined;
  readonly endpoint: string | undefined;
  /** Who is signed in. */
  readonly session: Session;
  readonly prices: PriceFormatter;
  /** The item of the section in the URL or attribute (an order id, a conversation id), if any. */
  readonly item: string | undefined;
  /** A filter of the section carried by a link (the overview's "Shipping" opens the orders filtered). */
  readonly filter: string | undefined;
  /** Moves to a section (fires the cancelable `ae-navigate` first). */
  navigate(section: string, item?: string, filter?: string): void;
  /** Says `text` through the panel's polite live region. */
  announce(text: string): void;
  /** The `payments-url` attribute. */
  readonly paymentsUrl: string | undefined;
  /** Signs out through the session store. */
  signOut(): Promise<void>;
  /** The UI locale now. */
  locale(): string;
}

/**
 * A section of the panel: a view object drawn inside the panel's shadow root, in its own chunk. `render()`
 * gives its shadow content; `renderLight()` what must live in the light DOM (forms a password manager fills),
 * slotted back where the view puts `<slot name="light">`.
 */
export abstract class SectionView {
  protected readonly ctx: PanelContext;
  constructor(ctx: PanelContext) {
    this.ctx = ctx;
  }
  /** The section is shown (the first time, or again, or with another item): start what it loads. */
  abstract show(): void;
  /** The section is left: abort what it loads. Its data stay for a return. */
  hide(): void {}
  abstract render(): TemplateResult;
  renderLight?(): TemplateResult;
}

/** A section module: one chunk per section. */
export interface SectionModule {
  createSection(ctx: PanelContext): SectionView;
}
