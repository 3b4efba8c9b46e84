/**
 * Ligand libraries read in the browser, split into one entry per molecule for a batch run (one item per ligand):
 * SMILES files ("SMILES [name]" per line, "#" comments), CSV with a "smiles" column (and a name, id or title
 * column when there is one), and multi-record SDF (split at "$$$$").
 */

/**
 * @param {string} text the file's content
 * @param {string} format the file's format: the artifact's detected one (smiles, csv, sdf, mol), or {@link libraryFormat}'s guess
 * @returns {Array<{ ligand: string, format: string, name: string }>} one entry per molecule, blank lines left out
 */
export function splitLigands(text, format) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  switch (format) {
    case 'smiles':
    case 'smi':
      return fromSmilesLines(lines);
    case 'csv':
      return fromCsv(lines);
    case 'sdf':
    case 'mol':
      return text.split(/^\$\$\$\$\s*$/m).map((r) => r.replace(/^\s*\n/, '')).filter((r) => r.trim())
        .map((record, i) => ({ ligand: `${record.trimEnd()}\n$$$$\n`, format: 'sdf', name: record.split('\n')[0].trim() || `ligand ${i + 1}` }));
    default:
      return [{ ligand: text, format, name: 'ligand 1' }];
  }
}

/** A library's format from its name and first line, for files split without uploading them first. */
export function libraryFormat(text, fileName = '') {
  const name = fileName.toLowerCase();
  if (name.endsWith('.sdf') || name.endsWith('.mol')) return 'sdf';
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return name.endsWith('.csv') || /(^|,)\s*"?smiles"?\s*(,|$)/i.test(first) ? 'csv' : 'smiles';
}

/** Whether a value reads as one SMILES string (not a file's text, not an artifact reference): worth drawing. */
export function looksLikeSmiles(value) {
  const text = String(value ?? '').trim();
  return !!text && !text.includes('\n') && !text.startsWith('artifact:') && /^[A-Za-z0-9@+\-[\]()=#$%/\\.:*]+$/.test(text);
}

function fromSmilesLines(lines) {
  return lines.flatMap((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return [];
    const [smiles, ...name] = line.split(/\s+/);
    return [{ ligand: smiles, format: 'smiles', name: name.join(' ') || `ligand ${i + 1}` }];
  });
}

function fromCsv(lines) {
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const smilesAt = header.indexOf('smiles');
  if (smilesAt < 0) throw new Error('The CSV file has no "smiles" column in its first line.');
  const nameAt = ['name', 'id', 'title'].map((h) => header.indexOf(h)).find((i) => i >= 0) ?? -1;
  return lines.slice(1).flatMap((raw, i) => {
    if (!raw.trim()) return [];
    const fields = splitCsvLine(raw);
    const smiles = (fields[smilesAt] ?? '').trim();
    return smiles ? [{ ligand: smiles, format: 'smiles', name: nameAt >= 0 ? (fields[nameAt] ?? '').trim() : `row ${i + 2}` }] : [];
  });
}

/** One CSV line into fields, with "quoted, fields" and "" as a quote inside them. */
function splitCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; } else field += c;
  }
  fields.push(field);
  return fields;
}
