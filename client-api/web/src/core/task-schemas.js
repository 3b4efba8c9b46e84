import { api } from './api.js';
import { orgQuery } from './org.js';

/**
 * What a task version takes and gives, for wiring pipelines: its input fields (from its generated form) and
 * the JSON pointers into its output (from the success response schema of its operation in its OpenAPI document).
 */

const cache = new Map();
const MAX_DEPTH = 5;

/**
 * @returns {Promise<{inputs: Array<{pointer:string, label:string, kind:string, required:boolean}>, outputs: Array<{pointer:string, type:string}>}>}
 */
export function taskSchemas(name, version) {
  const key = `${name}@${version}`;
  if (!cache.has(key)) {
    const path = `/tasks/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`;
    const loading = Promise.all([api.get(`${path}/form`, orgQuery()), api.get(path, orgQuery())])
      .then(([form, view]) => ({ inputs: flattenFields(form.fields ?? []), outputs: outputPointers(view.document, view.operationId) }));
    loading.catch(() => cache.delete(key));
    cache.set(key, loading);
  }
  return cache.get(key);
}

function flattenFields(fields) {
  return fields.flatMap((field) => [
    { pointer: field.pointer, label: field.label || field.name, kind: String(field.kind), required: !!field.required },
    ...flattenFields(field.fields ?? []),
  ]);
}

/** Every pointer into the operation's 2xx JSON response, "" (all of it) first; arrays appear as their first item ("/results/0/…"). */
export function outputPointers(document, operationId) {
  const operation = Object.values(document?.paths ?? {}).flatMap((item) => Object.values(item ?? {}))
    .find((op) => op && typeof op === 'object' && op.operationId === operationId);
  const responses = operation?.responses ?? {};
  const success = responses['200'] ?? responses['201'] ?? Object.entries(responses).find(([code]) => code.startsWith('2'))?.[1];
  const schema = success?.content?.['application/json']?.schema;
  const pointers = [{ pointer: '', type: 'the whole output' }];
  if (schema) walk(document, schema, '', 0, pointers, new Set());
  return pointers;
}

function walk(document, schemaOrRef, at, depth, out, seen) {
  const schema = resolve(document, schemaOrRef, seen);
  if (!schema || depth > MAX_DEPTH) return;
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []).slice(0, 1), ...(schema.anyOf ?? []).slice(0, 1)]) {
    walk(document, part, at, depth, out, seen);
  }
  if (schema.properties) {
    for (const [name, property] of Object.entries(schema.properties)) {
      const pointer = `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const resolved = resolve(document, property, new Set(seen));
      out.push({ pointer, type: describe(resolved) });
      walk(document, property, pointer, depth + 1, out, new Set(seen));
    }
  }
  if (schema.items) {
    const pointer = `${at}/0`;
    if (at) out.push({ pointer, type: `first item: ${describe(resolve(document, schema.items, new Set(seen)))}` });
    walk(document, schema.items, pointer, depth + 1, out, new Set(seen));
  }
}

function resolve(document, schema, seen) {
  let current = schema;
  while (current?.$ref) {
    if (seen.has(current.$ref)) return null;
    seen.add(current.$ref);
    current = current.$ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  }
  return current;
}

function describe(schema) {
  if (!schema) return 'any';
  const type = Array.isArray(schema.type) ? schema.type.join('|') : schema.type ?? (schema.properties ? 'object' : 'any');
  return schema.format ? `${type} (${schema.format})` : schema['x-moldash-file'] ? `${type} (file)` : type;
}
