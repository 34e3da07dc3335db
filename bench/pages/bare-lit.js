// The baseline of `npm run bench` (ratio 1.00): the least a Lit form control costs. One element, an e-mail input
// and a button in its shadow root, bundled with esbuild like the other pages. Nothing lazy, nothing to wait for.
import { LitElement, css, html } from 'lit';

class BareForm extends LitElement {
  static styles = css`
    :host {
      display: block;
      max-width: 24rem;
      font: 1rem/1.4 system-ui, sans-serif;
    }
    label {
      display: grid;
      gap: 0.25rem;
    }
    input,
    button {
      font: inherit;
      padding: 0.5rem 0.75rem;
    }
  `;

  render() {
    return html`<form @submit=${(e) => e.preventDefault()}>
      <label>E-mail <input name="email" type="email" autocomplete="email" required /></label>
      <button>Continue</button>
    </form>`;
  }
}
customElements.define('bare-form', BareForm);
