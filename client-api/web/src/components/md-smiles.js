import SmilesDrawer from 'smiles-drawer';

/**
 * A 2D depiction of a SMILES string, drawn as SVG by smiles-drawer:
 *   <md-smiles smiles="CCO" width="160" height="120"></md-smiles>
 * A string that does not parse shows itself as text, marked invalid (data-state="invalid"); a drawn one has
 * data-state="drawn". The SMILES is also the element's accessible name.
 */
export class MdSmiles extends HTMLElement {
  static observedAttributes = ['smiles', 'width', 'height'];

  get smiles() { return this.getAttribute('smiles') ?? ''; }

  set smiles(value) { this.setAttribute('smiles', value ?? ''); }

  connectedCallback() { this.draw(); }

  attributeChangedCallback() { if (this.isConnected) this.draw(); }

  draw() {
    const smiles = this.smiles.trim();
    const width = Number(this.getAttribute('width') ?? 160);
    const height = Number(this.getAttribute('height') ?? 120);
    this.replaceChildren();
    this.setAttribute('role', 'img');
    this.setAttribute('aria-label', smiles ? `Structure of ${smiles}` : 'No structure');
    if (!smiles) { this.dataset.state = 'empty'; return; }
    const target = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    target.setAttribute('width', String(width));
    target.setAttribute('height', String(height));
    this.append(target);
    const drawer = new SmilesDrawer.SvgDrawer({ width, height, compactDrawing: false, padding: 6 });
    SmilesDrawer.parse(smiles, (tree) => {
      try {
        drawer.draw(tree, target, 'light');
        this.dataset.state = 'drawn';
      } catch {
        this.showInvalid(smiles);
      }
    }, () => this.showInvalid(smiles));
  }

  showInvalid(smiles) {
    const text = document.createElement('code');
    text.className = 'smiles-invalid';
    text.textContent = smiles;
    text.title = 'This SMILES could not be drawn';
    this.replaceChildren(text);
    this.dataset.state = 'invalid';
  }
}

customElements.define('md-smiles', MdSmiles);
