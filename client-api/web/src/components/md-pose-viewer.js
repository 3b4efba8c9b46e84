import { html, nothing } from 'lit';
import * as $3Dmol from '3dmol';
import { MdElement } from '../core/md-element.js';

/**
 * An interactive 3D view of docking poses in their receptor (3Dmol.js, WebGL):
 *
 *   <md-pose-viewer .receptor=${pdbqtText} .poses=${[{ rank: 1, affinity: -7.2, sdf }]} .box=${{ center: { x, y, z }, size: { x, y, z } }}></md-pose-viewer>
 *
 * - receptor: PDB or PDBQT text, or a URL to fetch it from (receptorFormat "pdb" | "pdbqt"; found from the text when left out)
 * - poses: [{ rank, affinity, sdf }] (or { pdbqt } instead of sdf), or one multi-model SDF text ("$$$$" between poses)
 * - box: the search box, { center: {x,y,z}, size: {x,y,z} } (arrays [x,y,z] too), drawn as a wireframe
 * - rank: the pose shown (default the first); receptorStyle: cartoon | surface | sticks | lines; ligandStyle: sticks | ball-and-stick | spheres | lines
 *
 * Its own controls (pose, receptor style, ligand style, box) change these properties and fire `pose-change`
 * ({ detail: { rank } }) when the pose changes. Once a scene is drawn, data-rendered="true" and data-pose="<rank>".
 */
export class MdPoseViewer extends MdElement {
  static properties = {
    receptor: { attribute: false },
    receptorFormat: { attribute: 'receptor-format' },
    poses: { attribute: false },
    box: { attribute: false },
    rank: { type: Number },
    receptorStyle: { attribute: 'receptor-style' },
    ligandStyle: { attribute: 'ligand-style' },
    showBox: { type: Boolean, attribute: 'show-box' },
    problem: { state: true },
  };

  constructor() {
    super();
    this.receptor = '';
    this.receptorFormat = '';
    this.poses = [];
    this.box = null;
    this.rank = 0;
    this.receptorStyle = 'cartoon';
    this.ligandStyle = 'sticks';
    this.showBox = true;
    this.problem = '';
    this.viewer = null;
    this.scene = null;
  }

  disconnectedCallback() {
    this.resizeObserver?.disconnect();
    this.viewer?.clear();
    this.viewer = null;
    super.disconnectedCallback();
  }

  /** The poses as [{ rank, affinity, text, format }], from either form of `poses`. */
  get poseList() {
    if (typeof this.poses === 'string') return splitSdf(this.poses);
    return (this.poses ?? []).map((pose, i) => ({
      rank: pose.rank ?? i + 1,
      affinity: pose.affinity ?? null,
      text: pose.sdf ?? pose.pdbqt ?? '',
      format: pose.sdf ? 'sdf' : 'pdbqt',
    }));
  }

  get currentRank() {
    const list = this.poseList;
    return list.some((p) => p.rank === this.rank) ? this.rank : list[0]?.rank ?? 0;
  }

  firstUpdated() {
    const container = this.querySelector('.pose-canvas');
    try {
      this.viewer = $3Dmol.createViewer(container, { backgroundColor: 'white', antialias: true });
    } catch (error) {
      this.viewer = null;
      this.problem = `The 3D view needs WebGL, which this browser did not give: ${error.message}`;
    }
    if (!this.viewer && !this.problem) this.problem = 'The 3D view needs WebGL, which this browser did not give.';
    this.resizeObserver = new ResizeObserver(() => { this.viewer?.resize(); this.viewer?.render(); });
    this.resizeObserver.observe(container);
  }

  async updated(changed) {
    if (!this.viewer) return;
    if (changed.has('receptor') || changed.has('poses') || changed.has('receptorFormat') || !this.scene) {
      await this.buildScene();
    } else if (['rank', 'receptorStyle', 'ligandStyle', 'showBox', 'box'].some((key) => changed.has(key))) {
      this.applyStyles(changed.has('rank'));
    }
  }

  async buildScene() {
    const viewer = this.viewer;
    viewer.clear();
    this.scene = { receptor: null, poses: new Map(), box: null };
    this.dataset.rendered = 'false';
    try {
      const text = await receptorText(this.receptor);
      if (text) this.scene.receptor = viewer.addModel(text, this.receptorFormat || guessReceptorFormat(text));
    } catch (error) {
      this.problem = `The receptor could not be loaded: ${error.message}`;
    }
    for (const pose of this.poseList) {
      if (pose.text) this.scene.poses.set(pose.rank, viewer.addModel(pose.text, pose.format));
    }
    this.applyStyles(true);
  }

  applyStyles(zoom) {
    const viewer = this.viewer;
    let pending = Promise.resolve();
    const { receptor, poses } = this.scene;
    viewer.removeAllSurfaces();
    viewer.removeAllShapes();
    if (receptor) {
      receptor.setStyle({}, RECEPTOR_STYLES[this.receptorStyle] ?? RECEPTOR_STYLES.cartoon);
      if (this.receptorStyle === 'surface') {
        // The surface is computed in the background; the scene counts as drawn once it is in.
        const surface = viewer.addSurface($3Dmol.SurfaceType.VDW, { opacity: 0.7, color: '#dfe6ee' }, { model: receptor });
        pending = Promise.resolve(surface);
      }
    }
    const rank = this.currentRank;
    for (const [poseRank, model] of poses) {
      model.setStyle({}, poseRank === rank ? LIGAND_STYLES[this.ligandStyle] ?? LIGAND_STYLES.sticks : {});
    }
    const box = normaliseBox(this.box);
    if (box && this.showBox) {
      viewer.addBox({ center: box.center, dimensions: { w: box.size.x, h: box.size.y, d: box.size.z }, color: '#d6336c', wireframe: true });
    }
    if (zoom) {
      const shown = poses.get(rank);
      // The pose with its pocket around it: zoomed to the ligand, then out so the nearby residues show.
      if (shown) {
        viewer.zoomTo({ model: shown }, 0);
        viewer.zoom(0.3, 0);
      } else {
        viewer.zoomTo();
      }
    }
    this.dataset.rendered = 'false';
    this.dataset.pose = String(rank);
    viewer.render();
    const drawing = Symbol('drawing');
    this.drawing = drawing;
    pending.then(() => {
      if (this.drawing !== drawing || !this.viewer) return;
      viewer.render();
      this.dataset.rendered = 'true';
    });
  }

  choosePose(rank) {
    this.rank = rank;
    this.dispatchEvent(new CustomEvent('pose-change', { detail: { rank }, bubbles: true }));
  }

  render() {
    const list = this.poseList;
    const rank = this.currentRank;
    return html`<div class="pose-viewer">
      <div class="pose-controls toolbar">
        <label>Pose
          <select name="pose" @change=${(e) => this.choosePose(Number(e.target.value))} ?disabled=${!list.length}>
            ${list.map((p) => html`<option value=${p.rank} ?selected=${p.rank === rank}>#${p.rank}${p.affinity !== null ? ` · ${p.affinity} kcal/mol` : ''}</option>`)}
          </select></label>
        <label>Receptor style
          <select name="receptor-style" @change=${(e) => { this.receptorStyle = e.target.value; }}>
            ${Object.keys(RECEPTOR_STYLES).map((s) => html`<option value=${s} ?selected=${s === this.receptorStyle}>${s}</option>`)}
          </select></label>
        <label>Ligand style
          <select name="ligand-style" @change=${(e) => { this.ligandStyle = e.target.value; }}>
            ${Object.keys(LIGAND_STYLES).map((s) => html`<option value=${s} ?selected=${s === this.ligandStyle}>${s}</option>`)}
          </select></label>
        <label class="inline"><input type="checkbox" name="show-box" .checked=${this.showBox} ?disabled=${!this.box}
          @change=${(e) => { this.showBox = e.target.checked; }}> Search box</label>
      </div>
      ${this.problem ? html`<div class="banner error" role="alert">${this.problem}</div>` : nothing}
      <div class="pose-canvas" data-testid="pose-canvas" aria-label="3D view of pose ${rank} in the receptor" role="img"></div>
      <p class="muted small">Drag to rotate, scroll to zoom, right-drag (or Ctrl-drag) to move.</p>
    </div>`;
  }
}

const RECEPTOR_STYLES = {
  cartoon: { cartoon: { color: 'spectrum', opacity: 0.75 } },
  surface: { cartoon: { color: '#9aa9b8', opacity: 0.5 } },
  sticks: { stick: { radius: 0.12, colorscheme: 'grayCarbon' } },
  lines: { line: { colorscheme: 'grayCarbon' } },
};

const LIGAND_STYLES = {
  sticks: { stick: { radius: 0.3, colorscheme: 'greenCarbon' } },
  'ball-and-stick': { stick: { radius: 0.14, colorscheme: 'greenCarbon' }, sphere: { scale: 0.28, colorscheme: 'greenCarbon' } },
  spheres: { sphere: { colorscheme: 'greenCarbon' } },
  lines: { line: { colorscheme: 'greenCarbon', linewidth: 2 } },
};

/** Text as given, or fetched when it is a URL (one line starting with http, / or blob:). */
async function receptorText(value) {
  const text = String(value ?? '');
  if (!text || text.includes('\n') || !/^(https?:|\/|blob:)/.test(text)) return text;
  const response = await fetch(text);
  if (!response.ok) throw new Error(`${response.status} from ${text}`);
  return response.text();
}

/** PDBQT has a partial charge and an AutoDock type after the coordinates (or a torsion tree); PDB does not. */
function guessReceptorFormat(text) {
  if (/^(ROOT|TORSDOF|BRANCH)/m.test(text)) return 'pdbqt';
  const atom = text.split('\n').find((line) => line.startsWith('ATOM') || line.startsWith('HETATM')) ?? '';
  return /^\s*[-+]?\d+\.\d+\s+[A-Za-z]{1,2}\s*$/.test(atom.slice(66)) ? 'pdbqt' : 'pdb';
}

/** One SDF text with several records: ranks in order, affinity from a data item naming it (Vina's minimizedAffinity). */
function splitSdf(text) {
  return text.split(/^\$\$\$\$\s*$/m).map((record) => record.replace(/^\s*\n/, '')).filter((record) => record.trim())
    .map((record, i) => {
      const found = /^>\s*<(?:minimizedAffinity|affinity|score)>[^\n]*\n\s*([-+]?\d+(?:\.\d+)?)/im.exec(record);
      return { rank: i + 1, affinity: found ? Number(found[1]) : null, text: `${record}\n$$$$\n`, format: 'sdf' };
    });
}

function normaliseBox(box) {
  if (!box?.center || !box?.size) return null;
  const vector = (v) => (Array.isArray(v) ? { x: v[0], y: v[1], z: v[2] } : { x: v.x, y: v.y, z: v.z });
  return { center: vector(box.center), size: vector(box.size) };
}

customElements.define('md-pose-viewer', MdPoseViewer);
