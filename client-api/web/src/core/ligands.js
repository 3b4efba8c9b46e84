/**
 * Ligand libraries read in the browser: a SMILES file ("SMILES [name]" per line) or a CSV with a "smiles"
 * column (and a name or id column when there is one) become batch items.
 */

/**
 * @param {string} text the file's content
 * @param {string} fileName decides CSV (".csv") or SMILES lines (anything else)
 * @returns {Array<{smiles: string, name: string, line: number}>} one entry per molecule, blank lines and "#" comments left out
 */
export function splitLigandLibrary(text, fileName = '') {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  return fileName.toLowerCase().endsWith('.csv') || /(^|,)\s*"?smiles"?\s*(,|$)/i.test(lines[0] ?? '')
    ? fromCsv(lines)
    : fromSmilesLines(lines);
}

function fromSmilesLines(lines) {
  return lines.flatMap((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return [];
    const [smiles, ...name] = line.split(/\s+/);
    return [{ smiles, name: name.join(' ') || `ligand ${i + 1}`, line: i + 1 }];
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
    return smiles ? [{ smiles, name: nameAt >= 0 ? fields[nameAt].trim() : `row ${i + 2}`, line: i + 2 }] : [];
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
