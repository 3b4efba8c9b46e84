import { LitElement } from 'lit';

/**
 * Base of every dashboard element: renders into the light DOM so the one global stylesheet applies
 * and tests can find elements with plain selectors.
 */
export class MdElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  /**
   * Runs a form's submission: no page load, `busy` while it runs (for the submit button), and a failure kept in
   * `error` for the page to show next to the fields.
   * @param {SubmitEvent} event
   * @param {(form: HTMLFormElement) => Promise<unknown>} action
   */
  async submitting(event, action) {
    event.preventDefault();
    this.busy = true;
    this.error = null;
    try {
      return await action(event.target);
    } catch (error) {
      this.error = error;
      return null;
    } finally {
      this.busy = false;
    }
  }
}
