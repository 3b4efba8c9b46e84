import { MdElement } from './md-element.js';

/**
 * Base of a routed page: gets `params` (from the path) and `query` (the hash's query string) from the router,
 * and calls load() when first shown and whenever either changes.
 */
export class MdPage extends MdElement {
  static properties = {
    params: { attribute: false },
    query: { attribute: false },
  };

  constructor() {
    super();
    this.params = {};
    this.query = new URLSearchParams();
    this.loadedFor = null;
  }

  willUpdate(changed) {
    if (changed.has('params') || changed.has('query')) {
      const key = `${JSON.stringify(this.params)}?${this.query.toString()}`;
      if (key !== this.loadedFor) {
        this.loadedFor = key;
        this.load();
      }
    }
  }

  /** Reads what the page shows; pages override it. */
  load() {}
}
