import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { request } from '../core/api.js';
import { orgQuery } from '../core/org.js';
import './md-smiles.js';

const KINDS = ['Text', 'Number', 'Integer', 'Boolean', 'Select', 'File', 'Array', 'Object'];

/**
 * The inputs of a generated form (a TaskForm's fields: kind, label, default, limits, options, accepted file
 * formats), checked in the browser before sending and showing the API's field errors beside each input.
 * A file field takes pasted text or an uploaded file (stored as an artifact and sent as "artifact:<id>");
 * a ligand given as SMILES is drawn beside its input.
 *
 *   <md-input-form .fields=${form.fields} .error=${apiError} prefix="inputs"></md-input-form>
 *   const { values, valid } = element.collect();
 */
export class MdInputForm extends MdElement {
  static properties = {
    fields: { attribute: false },
    error: { attribute: false },
    /** The API's name for the object the values go in ("inputs"), to match its field errors ("inputs.ligand"). */
    prefix: { type: String },
    idPrefix: { type: String, attribute: 'id-prefix' },
    problems: { state: true },
    uploads: { state: true },
    previews: { state: true },
  };

  constructor() {
    super();
    this.fields = [];
    this.prefix = '';
    this.idPrefix = 'input';
    this.problems = {};
    this.uploads = {};
    this.previews = {};
  }

  get orderedFields() {
    return [...(this.fields ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }

  /** The values by field name, with the browser's checks; invalid fields are marked and listed in `problems`. */
  collect() {
    const values = {};
    const problems = {};
    for (const field of this.orderedFields) {
      const kind = kindOf(field);
      const control = this.querySelector(`[name="${field.name}"]`);
      if (!control) continue;
      const raw = kind === 'Boolean' ? control.checked : control.value.trim();
      const problem = check(field, kind, raw);
      if (problem) { problems[field.name] = problem; continue; }
      if (raw === '' && kind !== 'Boolean') continue;
      values[field.name] = convert(kind, raw);
    }
    this.problems = problems;
    return { values, valid: Object.keys(problems).length === 0 };
  }

  apiError(field) {
    const error = this.error;
    if (!error?.fieldError) return undefined;
    return error.fieldError(this.prefix ? `${this.prefix}.${field.name}` : field.name) ?? error.fieldError(field.name);
  }

  /** Field names the API's errors are keyed by, so the page's banner lists only the others. */
  get shownFields() {
    return this.orderedFields.flatMap((f) => (this.prefix ? [`${this.prefix}.${f.name}`, f.name] : [f.name]));
  }

  async upload(field, event) {
    const file = event.target.files?.[0];
    if (!file) return;
    this.uploads = { ...this.uploads, [field.name]: { state: 'uploading', fileName: file.name } };
    try {
      const artifact = await request('POST', '/artifacts', { body: file, query: { fileName: file.name, ...orgQuery() }, headers: { 'Content-Type': 'application/octet-stream' } });
      this.querySelector(`[name="${field.name}"]`).value = `artifact:${artifact.id}`;
      this.uploads = { ...this.uploads, [field.name]: { state: 'done', fileName: file.name, artifact } };
    } catch (error) {
      this.uploads = { ...this.uploads, [field.name]: { state: 'failed', fileName: file.name, message: error.message } };
    }
  }

  render() {
    const fields = this.orderedFields;
    if (!fields.length) return html`<p class="muted">This form has no inputs.</p>`;
    return html`<div class="form-grid generated-form">${fields.map((field) => this.renderField(field))}</div>`;
  }

  renderField(field) {
    const kind = kindOf(field);
    const id = `${this.idPrefix}-${field.name}`;
    const message = this.problems[field.name] ?? this.apiError(field);
    const invalid = !!message;
    const hint = [field.description, field.acceptedFormats?.length ? `Formats: ${field.acceptedFormats.join(', ')}` : '']
      .filter(Boolean).join(' · ');
    const label = html`<label for=${id}>${field.label || field.name}${field.required ? html` <span aria-hidden="true" class="required">*</span>` : nothing}</label>`;
    return html`${label}<div>
      ${this.renderControl(field, kind, id, invalid)}
      ${hint ? html`<div class="hint" id="${id}-hint">${hint}</div>` : nothing}
      ${invalid ? html`<div class="field-error" id="${id}-error" role="alert">${message}</div>` : nothing}
      ${kind === 'File' ? this.renderUpload(field, id) : nothing}
      ${isLigand(field) && this.previews[field.name] ? html`<md-smiles class="ligand-preview" smiles=${this.previews[field.name]} width="180" height="130"></md-smiles>` : nothing}
    </div>`;
  }

  renderControl(field, kind, id, invalid) {
    const initial = defaultText(field);
    const describedBy = `${id}-hint ${id}-error`;
    const preview = (e) => {
      if (isLigand(field)) this.previews = { ...this.previews, [field.name]: looksLikeSmiles(e.target.value) ? e.target.value.trim() : '' };
    };
    switch (kind) {
      case 'Boolean':
        return html`<input id=${id} name=${field.name} type="checkbox" ?checked=${initial === 'true'} aria-describedby=${describedBy}>`;
      case 'Select':
        return html`<select id=${id} name=${field.name} aria-invalid=${invalid} aria-describedby=${describedBy} ?required=${field.required}>
          ${field.required && !initial ? html`<option value="">— choose —</option>` : nothing}
          ${field.required ? nothing : html`<option value="" ?selected=${!initial}>(default)</option>`}
          ${(field.options ?? []).map((o) => html`<option value=${JSON.stringify(o)} ?selected=${JSON.stringify(o) === initial}>${typeof o === 'string' ? o : JSON.stringify(o)}</option>`)}
        </select>`;
      case 'Number':
      case 'Integer':
        return html`<input id=${id} name=${field.name} type="number" step=${kind === 'Integer' ? '1' : 'any'} .value=${initial}
          min=${field.minimum ?? ''} max=${field.maximum ?? ''} ?required=${field.required} aria-invalid=${invalid} aria-describedby=${describedBy}>`;
      case 'File':
      case 'Array':
      case 'Object':
        return html`<textarea id=${id} name=${field.name} .value=${initial} ?required=${field.required} aria-invalid=${invalid}
          aria-describedby=${describedBy} placeholder=${kind === 'File' ? 'Paste the file, or upload it below' : 'JSON'} @input=${preview}></textarea>`;
      default:
        return html`<input id=${id} name=${field.name} .value=${initial} ?required=${field.required} aria-invalid=${invalid}
          aria-describedby=${describedBy} placeholder=${field.examples?.[0] !== undefined ? String(field.examples[0]) : ''} @input=${preview}>`;
    }
  }

  renderUpload(field, id) {
    const upload = this.uploads[field.name];
    return html`<div class="upload-line"><label class="secondary-label" for="${id}-file">Upload a file</label>
      <input id="${id}-file" type="file" @change=${(e) => this.upload(field, e)}>
      ${upload?.state === 'uploading' ? html`<span class="muted" aria-busy="true">Uploading ${upload.fileName}…</span>` : nothing}
      ${upload?.state === 'done' ? html`<span class="muted" role="status">${upload.fileName} uploaded (${upload.artifact.format}, artifact ${upload.artifact.id}).</span>` : nothing}
      ${upload?.state === 'failed' ? html`<span class="field-error" role="alert">${upload.fileName}: ${upload.message}</span>` : nothing}
    </div>`;
  }
}

export function kindOf(field) {
  return typeof field.kind === 'number' ? KINDS[field.kind] : field.kind ?? 'Text';
}

function isLigand(field) {
  return /ligand|smiles/i.test(field.name);
}

export function looksLikeSmiles(value) {
  const text = String(value ?? '').trim();
  return !!text && !text.includes('\n') && !text.startsWith('artifact:') && /^[A-Za-z0-9@+\-[\]()=#$%/\\.:*]+$/.test(text);
}

function defaultText(field) {
  if (field.default === undefined || field.default === null) return '';
  if (kindOf(field) === 'Select') return JSON.stringify(field.default);
  return typeof field.default === 'string' ? field.default : JSON.stringify(field.default);
}

/** The browser's checks of one value against its field; the message, or undefined when it fits. */
function check(field, kind, raw) {
  if (kind === 'Boolean') return undefined;
  if (raw === '') return field.required && field.default === undefined ? `${field.label || field.name} is required.` : undefined;
  if (kind === 'Number' || kind === 'Integer') {
    const value = Number(raw);
    if (!Number.isFinite(value)) return 'A number.';
    if (kind === 'Integer' && !Number.isInteger(value)) return 'A whole number.';
    if (field.minimum !== undefined && field.minimum !== null && (field.exclusiveMinimum ? value <= field.minimum : value < field.minimum)) {
      return `At least ${field.minimum}${field.exclusiveMinimum ? ' (not equal)' : ''}.`;
    }
    if (field.maximum !== undefined && field.maximum !== null && (field.exclusiveMaximum ? value >= field.maximum : value > field.maximum)) {
      return `At most ${field.maximum}${field.exclusiveMaximum ? ' (not equal)' : ''}.`;
    }
    return undefined;
  }
  if (kind === 'Array' || kind === 'Object' || kind === 'Select') {
    try { JSON.parse(raw); } catch { return kind === 'Select' ? 'Choose one of the options.' : 'Not valid JSON.'; }
    return undefined;
  }
  if (field.minLength && raw.length < field.minLength) return `At least ${field.minLength} characters.`;
  if (field.maxLength && raw.length > field.maxLength) return `At most ${field.maxLength} characters.`;
  if (field.pattern && kind === 'Text' && !new RegExp(field.pattern, 'u').test(raw)) return `Does not match the expected form (${field.pattern}).`;
  return undefined;
}

function convert(kind, raw) {
  switch (kind) {
    case 'Boolean': return raw;
    case 'Number': case 'Integer': return Number(raw);
    case 'Array': case 'Object': case 'Select': return JSON.parse(raw);
    default: return raw;
  }
}

customElements.define('md-input-form', MdInputForm);
