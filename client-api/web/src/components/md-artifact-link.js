import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { openArtifact } from '../core/artifacts.js';

/** A download button for one artifact; if the browser blocks the new tab, the link is shown to click. */
export class MdArtifactLink extends MdElement {
  static properties = {
    artifactId: { attribute: 'artifact-id' },
    label: {},
    url: { state: true },
    error: { state: true },
  };

  async open() {
    this.error = '';
    try {
      this.url = await openArtifact(this.artifactId);
    } catch (error) {
      this.error = error.message;
    }
  }

  render() {
    return html`<button type="button" class="secondary small" @click=${this.open} data-artifact-id=${this.artifactId}>⤓ ${this.label}</button>
      ${this.url ? html`<a href=${this.url} target="_blank" rel="noopener" class="small">open</a>` : nothing}
      ${this.error ? html`<span class="field-error" role="alert">${this.error}</span>` : nothing}`;
  }
}

customElements.define('md-artifact-link', MdArtifactLink);
