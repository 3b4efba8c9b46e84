import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api, fieldKey } from '../core/api.js';
import { orgQuery } from '../core/org.js';
import { looksLikeSmiles } from '../core/ligands.js';
import './md-smiles.js';

/**
 * A form generated from a task's (or pipeline's) form description, itself generated from the OpenAPI input
 * schema: one labelled control per field, nested objects as fieldsets, files as text or an upload (the value
 * becomes "artifact:<id>"), a ligand given as SMILES drawn beside its input. It owns the parameter object;
 * every change fires `md-change` with it. `check()` runs the browser's checks (required, limits) before sending.
 *
 * Properties:
 *   .fields   FormField[] from GET …/form (name, pointer, kind, label, description, required, default, minimum,
 *             maximum, options, items, fields, formatField, acceptedFormats, examples)
 *   .errors   { [fieldKey(pointer)]: message } shown under each field (see core/api.js fieldKey)
 *   .touched  which fields' errors to show (all when .showAll)
 *   .value    the parameter object (read it; set it to start from given values)
 */
export class MdSchemaForm extends MdElement {
  static properties = {
    fields: { attribute: false },
    errors: { attribute: false },
    value: { attribute: false },
    showAll: { type: Boolean, attribute: 'show-all' },
    idPrefix: { attribute: 'id-prefix' },
    uploading: { state: true },
  };

  constructor() {
    super();
    this.fields = [];
    this.errors = {};
    this.value = null;
    this.touched = new Set();
    this.idPrefix = 'param';
    this.uploading = {};
  }

  willUpdate(changed) {
    if (changed.has('fields') && this.value === null) this.value = defaults(this.fields);
  }

  set(pointer, raw) {
    this.value = setAt(structuredClone(this.value ?? {}), pointer, raw);
    this.touched.add(fieldKey(pointer));
    this.dispatchEvent(new CustomEvent('md-change', { detail: this.value, bubbles: true }));
  }

  /**
   * The browser's checks of every field (required without a default, number limits, text lengths), shown beside
   * each field; whether all fit. The API checks everything again.
   */
  check() {
    const problems = {};
    for (const field of leaves(this.fields)) {
      const problem = checkValue(field, getAt(this.value ?? {}, field.pointer));
      if (problem) problems[fieldKey(field.pointer)] = problem;
    }
    this.errors = problems;
    this.showAll = true;
    return Object.keys(problems).length === 0;
  }

  /** Uploads a file as an artifact of the org and puts "artifact:<id>" in the field (and its format in the sibling field, when the form has it). */
  async upload(field, file) {
    this.uploading = { ...this.uploading, [field.pointer]: 'Uploading…' };
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const artifact = await api.post('/artifacts', body, orgQuery());
      this.set(field.pointer, `artifact:${artifact.id}`);
      const formatPointer = field.formatField ? siblingPointer(field.pointer, field.formatField) : '';
      if (formatPointer && artifact.format && leaves(this.fields).some((f) => f.pointer === formatPointer)) {
        this.set(formatPointer, artifact.format);
      }
      this.uploading = { ...this.uploading, [field.pointer]: `Uploaded ${artifact.fileName} (${artifact.format})` };
    } catch (error) {
      this.uploading = { ...this.uploading, [field.pointer]: null };
      this.errors = { ...this.errors, [fieldKey(field.pointer)]: error.message };
      this.touched.add(fieldKey(field.pointer));
      this.requestUpdate();
    }
  }

  render() {
    return html`<div class="schema-form">${ordered(this.fields).map((field) => this.renderField(field))}</div>`;
  }

  renderField(field) {
    const key = fieldKey(field.pointer);
    const id = `${this.idPrefix}-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
    const error = this.showAll || this.touched.has(key) ? this.errors?.[key] : undefined;
    const current = getAt(this.value ?? {}, field.pointer);
    const described = [field.description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    if (field.kind === 'Object') {
      return html`<fieldset class="nested" data-field=${key}><legend>${field.label}${field.required ? html` <span aria-hidden="true">*</span>` : nothing}</legend>
        ${field.description ? html`<div class="hint">${field.description}</div>` : nothing}
        ${ordered(field.fields).map((child) => this.renderField(child))}
        ${error ? html`<div class="field-error" id="${id}-error" role="alert">${error}</div>` : nothing}</fieldset>`;
    }
    const control = this.renderControl(field, id, current, !!error, described);
    const label = html`${field.label}${field.required ? html` <span aria-hidden="true" title="required">*</span>` : nothing}`;
    return html`<div class="field" data-field=${key}>
      ${field.kind === 'Boolean' ? html`<label class="checkbox" for=${id}>${control} ${label}</label>` : html`<label for=${id}>${label}</label>${control}`}
      ${field.description ? html`<div class="hint" id="${id}-hint">${field.description}</div>` : nothing}
      ${this.uploading[field.pointer] ? html`<div class="hint" role="status">${this.uploading[field.pointer]}</div>` : nothing}
      ${error ? html`<div class="field-error" id="${id}-error" role="alert">${error}</div>` : nothing}
      ${/ligand|smiles/i.test(field.name) && looksLikeSmiles(current)
        ? html`<md-smiles class="ligand-preview" smiles=${current.trim()} width="180" height="130"></md-smiles>` : nothing}
    </div>`;
  }

  renderControl(field, id, current, invalid, described) {
    const common = { id, name: fieldKey(field.pointer) };
    const onText = (e) => this.set(field.pointer, e.target.value === '' ? undefined : e.target.value);
    switch (field.kind) {
      case 'Number':
      case 'Integer':
        return html`<input id=${common.id} name=${common.name} type="number" step=${field.kind === 'Integer' ? '1' : 'any'}
          min=${field.minimum ?? nothing} max=${field.maximum ?? nothing} .value=${current ?? ''} ?required=${field.required}
          aria-invalid=${invalid} aria-describedby=${described || nothing}
          @input=${(e) => this.set(field.pointer, e.target.value === '' ? undefined : Number(e.target.value))}>`;
      case 'Boolean':
        return html`<input id=${common.id} name=${common.name} type="checkbox" .checked=${!!current}
          aria-describedby=${described || nothing} @change=${(e) => this.set(field.pointer, e.target.checked)}>`;
      case 'Select':
        return html`<select id=${common.id} name=${common.name} ?required=${field.required} aria-invalid=${invalid}
          aria-describedby=${described || nothing} @change=${(e) => this.set(field.pointer, e.target.value === '' ? undefined : JSON.parse(e.target.value))}>
          ${field.required && current !== undefined ? nothing : html`<option value="">—</option>`}
          ${field.options.map((option) => html`<option value=${JSON.stringify(option)} ?selected=${JSON.stringify(option) === JSON.stringify(current)}>${option}</option>`)}
        </select>`;
      case 'File':
        return html`<div class="file-field">
          <textarea id=${common.id} name=${common.name} rows="4" placeholder="Paste the file's text, or upload it below"
            .value=${current ?? ''} ?required=${field.required} aria-invalid=${invalid} aria-describedby=${described || nothing} @input=${onText}></textarea>
          <label class="small" for="${id}-file">Upload a file${field.acceptedFormats?.length ? ` (${field.acceptedFormats.join(', ')})` : ''}</label>
          <input id="${id}-file" type="file" name="${common.name}-file" @change=${(e) => e.target.files[0] && this.upload(field, e.target.files[0])}>
        </div>`;
      case 'Array':
        return this.renderArray(field, common, current, invalid, described);
      default:
        return html`<input id=${common.id} name=${common.name} type="text" .value=${current ?? ''} ?required=${field.required}
          minlength=${field.minLength ?? nothing} maxlength=${field.maxLength ?? nothing}
          placeholder=${field.examples?.length ? String(field.examples[0]) : nothing}
          aria-invalid=${invalid} aria-describedby=${described || nothing} @input=${onText}>`;
    }
  }

  /** Arrays of numbers or texts are one item per line; arrays of objects are JSON. */
  renderArray(field, common, current, invalid, described) {
    const scalar = field.items && ['Text', 'Number', 'Integer', 'Select'].includes(field.items.kind);
    if (scalar) {
      const numeric = ['Number', 'Integer'].includes(field.items.kind);
      return html`<textarea id=${common.id} name=${common.name} rows="3" placeholder="One per line"
        .value=${Array.isArray(current) ? current.join('\n') : ''} aria-invalid=${invalid} aria-describedby=${described || nothing}
        @input=${(e) => {
          const lines = e.target.value.split('\n').map((l) => l.trim()).filter(Boolean);
          this.set(field.pointer, lines.length ? lines.map((l) => (numeric ? Number(l) : l)) : undefined);
        }}></textarea>`;
    }
    return html`<textarea id=${common.id} name=${common.name} rows="4" placeholder="A JSON array"
      .value=${current === undefined ? '' : JSON.stringify(current, null, 2)} aria-invalid=${invalid} aria-describedby=${described || nothing}
      @change=${(e) => {
        try {
          this.set(field.pointer, e.target.value.trim() ? JSON.parse(e.target.value) : undefined);
        } catch {
          this.errors = { ...this.errors, [fieldKey(field.pointer)]: 'Not valid JSON.' };
        }
      }}></textarea>`;
  }
}

const ordered = (fields) => [...(fields ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

/** Every field that holds a value (nested objects' fields, not the objects). */
const leaves = (fields) => (fields ?? []).flatMap((f) => (f.kind === 'Object' ? leaves(f.fields) : [f]));

/** The browser's check of one value against its field; the message, or undefined when it fits. */
function checkValue(field, value) {
  if (value === undefined || value === '') {
    return field.required && (field.default === undefined || field.default === null) ? `${field.label || field.name} is required.` : undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'A number.';
    if (field.kind === 'Integer' && !Number.isInteger(value)) return 'A whole number.';
    if (field.minimum != null && (field.exclusiveMinimum ? value <= field.minimum : value < field.minimum)) return `At least ${field.minimum}${field.exclusiveMinimum ? ' (not equal)' : ''}.`;
    if (field.maximum != null && (field.exclusiveMaximum ? value >= field.maximum : value > field.maximum)) return `At most ${field.maximum}${field.exclusiveMaximum ? ' (not equal)' : ''}.`;
  }
  if (typeof value === 'string') {
    if (field.minLength && value.length < field.minLength) return `At least ${field.minLength} characters.`;
    if (field.maxLength && value.length > field.maxLength) return `At most ${field.maxLength} characters.`;
  }
  return undefined;
}

/** The defaults the schema declares, as a starting parameter object. */
function defaults(fields, into = {}) {
  for (const field of fields ?? []) {
    if (field.kind === 'Object') defaults(field.fields, into);
    else if (field.default !== undefined && field.default !== null) setAt(into, field.pointer, field.default);
  }
  return into;
}

const segments = (pointer) => pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

export function getAt(object, pointer) {
  return segments(pointer).reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), object);
}

/** Sets (or with undefined, removes) the value at a JSON pointer, creating objects on the way; empty objects are removed. */
export function setAt(object, pointer, value) {
  const keys = segments(pointer);
  const path = [object];
  let node = object;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key];
    path.push(node);
  }
  const last = keys.at(-1);
  if (value === undefined) delete node[last];
  else node[last] = value;
  for (let i = keys.length - 1; i > 0; i--) {
    if (Object.keys(path[i]).length === 0) delete path[i - 1][keys[i - 1]];
  }
  return object;
}

const siblingPointer = (pointer, name) => `${pointer.slice(0, pointer.lastIndexOf('/'))}/${name}`;

customElements.define('md-schema-form', MdSchemaForm);
