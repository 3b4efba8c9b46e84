/**
 * Splits a ligand library into one entry per molecule, for a batch run (one item per ligand):
 * SMILES files ("SMILES [name]" per line), CSV with a "smiles" column, and multi-record SDF (split at "$$$$").
 * The file itself is uploaded first, so the platform checks it and keeps it as an artifact.
 */

/**
 * @param {string} text the file's content
 * @param {string} format the artifact's detected format (smiles, csv, sdf, mol)
 * @returns {{ ligand: string, format: string, name: string }[]}
 */
export function splitLigands(text, format) {
  switch (format) {
    case 'smiles':
    case 'smi':
      return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((line, i) => {
        const [smiles, ...name] = line.split(/\s+/);
        return { ligand: smiles, format: 'smiles', name: name.join(' ') || `ligand ${i + 1}` };
      });
    case 'csv': {
      const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.trim());
      const columns = header.split(',').map((c) => c.trim().toLowerCase());
      const smilesAt = columns.indexOf('smiles');
      const nameAt = ['name', 'id', 'title'].map((c) => columns.indexOf(c)).find((i) => i >= 0);
      return rows.map((row, i) => {
        const cells = row.split(',');
        return { ligand: cells[smilesAt].trim(), format: 'smiles', name: nameAt !== undefined ? cells[nameAt].trim() : `ligand ${i + 1}` };
      });
    }
    case 'sdf':
    case 'mol':
      return text.split(/^\$\$\$\$\s*$/m).map((r) => r.replace(/^\s*\n/, '')).filter((r) => r.trim())
        .map((record, i) => ({ ligand: `${record.trimEnd()}\n$$$$\n`, format: 'sdf', name: record.split('\n')[0].trim() || `ligand ${i + 1}` }));
    default:
      return [{ ligand: text, format, name: 'ligand 1' }];
  }
}
