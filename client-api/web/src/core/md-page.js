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

  /**
   * The answer of a read, or {@link STALE} when a later read started meanwhile: filters changed in quick succession
   * send reads whose answers may arrive out of order, and an earlier filter's answer must not replace a later one's.
   */
  async latest(promise) {
    const read = (this.reads = (this.reads ?? 0) + 1);
    try {
      const answer = await promise;
      return read === this.reads ? answer : STALE;
    } catch (error) {
      if (read !== this.reads) return STALE;
      throw error;
    }
  }

  /**
   * Runs an action the page's buttons start: on success shows `message` (text, or a function of the answer) in
   * `this.message` and reads the page again; on failure puts the error in `this.error`.
   * @returns {Promise<unknown>} the answer, or null when it failed
   */
  async act(promise, message) {
    this.error = null;
    try {
      const answer = await promise;
      this.message = typeof message === 'function' ? message(answer) : message;
      await this.load();
      return answer;
    } catch (error) {
      this.error = error;
      this.message = null;
      return null;
    }
  }
}

/** What {@link MdPage#latest} answers for a read that a later one superseded: leave the page as it is. */
export const STALE = Symbol('stale');

/** A listing after "Load more": the next page appended to the current one (or the first page when not appending). */
export const appendPage = (current, next, appending) =>
  (appending ? { items: [...current.items, ...next.items], nextCursor: next.nextCursor } : next);
