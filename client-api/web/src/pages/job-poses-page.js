import { html, nothing } from 'lit';
import { MdElement } from '../core/md-element.js';
import { api } from '../core/api.js';
import { orgQuery } from '../core/org.js';
import { href, replaceQuery } from '../core/router.js';
import { errorBanner, loading, statusBadge } from '../core/ui.js';
import { looksLikeSmiles } from '../core/ligands.js';
import '../components/md-pose-viewer.js';
import '../components/md-smiles.js';

/**
 * A docking job's poses in 3D: every docked ligand of the job's dock results (output.results[].poses), its
 * poses in a table (rank, affinity, RMSD; each downloadable as SDF) and the selected one in the receptor with the search box.
 * The receptor is the job's prepared receptor (a result with a PDBQT `pdbqt` and no poses), or the artifact
 * named by ?receptor=<artifact id>. ?ligand=<node>/<index> and ?rank= choose what is shown (links keep them).
 */
export class MdJobPosesPage extends MdElement {
  static properties = {
    params: { attribute: false },
    query: { attribute: false },
    job: { state: true },
    docked: { state: true },
    receptor: { state: true },
    receptorProblem: { state: true },
    error: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('params') && this.params?.id !== this.loadedFor) {
      this.loadedFor = this.params.id;
      this.load();
    }
  }

  async load() {
    const id = this.params.id;
    try {
      const [job, results] = await Promise.all([api.get(`/jobs/${id}`, orgQuery()), allResults(id)]);
      this.job = job;
      this.docked = dockedLigands(results);
      this.receptor = preparedReceptor(results);
      if (!this.receptor && this.query?.get('receptor')) this.receptor = await artifactText(this.query.get('receptor'));
      if (!this.receptor) this.receptorProblem = 'The job has no prepared receptor; open this page with ?receptor=<artifact id> to show one.';
    } catch (error) {
      this.error = error;
    }
  }

  get selected() {
    const key = this.query?.get('ligand');
    return this.docked?.find((d) => d.key === key) ?? this.docked?.[0];
  }

  get rank() {
    return Number(this.query?.get('rank')) || this.selected?.poses[0]?.rank || 1;
  }

  choose(ligand, rank) {
    replaceQuery({ ligand: ligand.key, rank, receptor: this.query?.get('receptor') });
  }

  render() {
    const id = this.params?.id;
    const head = html`<div class="page-head"><h1>Poses</h1><a href=${href(`/jobs/${id}`)}>← The job</a></div>`;
    if (this.error) return html`<section class="page">${head}${errorBanner(this.error)}</section>`;
    if (!this.docked) return html`<section class="page">${head}${loading()}</section>`;
    const selected = this.selected;
    return html`<section class="page poses-page">
      ${head}
      <p>Job <code>${id}</code> ${statusBadge(this.job.status)} · ${this.job.target}</p>
      ${this.receptorProblem ? html`<div class="banner info" role="status">${this.receptorProblem}</div>` : nothing}
      ${!selected ? html`<p class="muted" data-testid="no-poses">This job has no docking poses${this.job.status === 'Succeeded' ? '' : ' yet'}.</p>` : html`
      <div class="poses-layout">
        <div>
          ${this.docked.length > 1 ? this.renderLigands(selected) : nothing}
          ${this.renderPoses(selected)}
        </div>
        <md-pose-viewer .receptor=${this.receptor ?? ''} .poses=${selected.poses} .box=${selected.box} rank=${this.rank}
          @pose-change=${(e) => this.choose(selected, e.detail.rank)}></md-pose-viewer>
      </div>`}
    </section>`;
  }

  renderLigands(selected) {
    return html`<h2>Ligands</h2><table class="data" data-testid="docked-ligands"><thead><tr><th>Ligand</th><th>Structure</th><th>Best affinity</th></tr></thead>
      <tbody>${this.docked.map((d) => html`<tr class=${d === selected ? 'selected' : ''}>
        <td><button type="button" class="link" @click=${() => this.choose(d, d.poses[0]?.rank ?? 1)} aria-pressed=${d === selected}>${d.label}</button></td>
        <td>${d.smiles ? html`<md-smiles smiles=${d.smiles} width="120" height="90"></md-smiles>` : nothing}</td>
        <td class="num">${d.bestAffinity ?? ''}</td></tr>`)}</tbody></table>`;
  }

  renderPoses(ligand) {
    return html`<h2>${ligand.label}</h2>
      ${ligand.smiles ? html`<md-smiles smiles=${ligand.smiles} width="200" height="150"></md-smiles>` : nothing}
      <div class="table-wrap"><table class="data" data-testid="pose-table"><thead><tr><th>Rank</th><th title="kcal/mol">Affinity</th><th title="RMSD from the best pose, lower and upper bound (Å)">RMSD l.b. / u.b.</th><th></th></tr></thead>
      <tbody>${ligand.poses.map((p) => html`<tr class=${p.rank === this.rank ? 'selected' : ''} data-rank=${p.rank}>
        <td class="num">${p.rank}</td><td class="num">${p.affinity} kcal/mol</td><td class="num">${p.rmsdLowerBound ?? ''} / ${p.rmsdUpperBound ?? ''}</td>
        <td class="actions"><button type="button" class="secondary small" @click=${() => this.choose(ligand, p.rank)} aria-pressed=${p.rank === this.rank}
          aria-label="Show pose ${p.rank}">Show</button>
          ${p.sdf ? html`<button type="button" class="secondary small" @click=${() => this.download(ligand, p)}
            aria-label="Download pose ${p.rank} as SDF">SDF</button>` : nothing}</td></tr>`)}</tbody></table></div>`;
  }

  /** Saves a pose's SDF (already in the job's result) as a file, named after the job, the ligand and the rank. */
  download(ligand, pose) {
    const name = `${this.params.id.slice(0, 8)}-${ligand.label.replace(/[^A-Za-z0-9._-]+/g, '-')}-pose-${pose.rank}.sdf`;
    const url = URL.createObjectURL(new Blob([pose.sdf], { type: 'chemical/x-mdl-sdfile' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

async function allResults(jobId) {
  const items = [];
  let after;
  do {
    const page = await api.get(`/jobs/${jobId}/results`, { ...orgQuery(), after, limit: 200 });
    items.push(...page.items);
    after = page.nextCursor;
  } while (after);
  return items;
}

/** Every ligand with poses in the job's results, best first, with its SMILES when a properties result of the same item has it. */
function dockedLigands(results) {
  const smilesByItem = new Map(results.filter((r) => r.output?.canonicalSmiles).map((r) => [itemOf(r.nodeId), r.output.canonicalSmiles]));
  return results.flatMap((r) => (Array.isArray(r.output?.results) ? r.output.results.map((docked, index) => ({ r, docked, index })) : []))
    .filter(({ docked }) => docked.poses?.length)
    .map(({ r, docked, index }) => ({
      key: `${r.nodeId}/${index}`,
      label: ligandLabel(r, docked),
      smiles: smilesByItem.get(itemOf(r.nodeId)) ?? (looksLikeSmiles(docked.id) ? docked.id : ''),
      bestAffinity: docked.bestAffinity,
      poses: docked.poses,
      box: r.output.box ? { center: r.output.box.center, size: r.output.box.size } : null,
    }))
    .sort((a, b) => (a.bestAffinity ?? 0) - (b.bestAffinity ?? 0));
}

/** What names a docked ligand: its node in a batch ("item-3.dock"), its id when the run docked several, else "Docked ligand". */
function ligandLabel(result, docked) {
  const item = itemOf(result.nodeId);
  const id = docked.id && docked.id !== 'ligand' ? docked.id : '';
  if (result.output.results.length > 1) return `${item || result.nodeId}: ${id || 'ligand'}`;
  return item ? `${item}${id ? ` (${id})` : ''}` : id || 'Docked ligand';
}

/** "item-3.dock" → "item-3", "dock" → "" (a single run). */
function itemOf(nodeId) {
  const dot = nodeId.indexOf('.');
  return dot > 0 ? nodeId.slice(0, dot) : '';
}

function preparedReceptor(results) {
  return results.find((r) => typeof r.output?.pdbqt === 'string' && !r.output?.results && r.taskName.includes('receptor'))?.output.pdbqt
    ?? results.find((r) => typeof r.output?.pdbqt === 'string' && Array.isArray(r.output?.chains))?.output.pdbqt
    ?? null;
}

/** The text of an uploaded receptor (through its short-lived download URL). */
async function artifactText(artifactId) {
  const { url } = await api.get(`/artifacts/${artifactId}/download`, orgQuery());
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The receptor artifact could not be read (${response.status}).`);
  return response.text();
}

customElements.define('md-job-poses-page', MdJobPosesPage);
