import { LitElement } from 'lit';

/**
 * Base of every dashboard element: renders into the light DOM so the one global stylesheet applies
 * and tests can find elements with plain selectors.
 */
export class MdElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}
