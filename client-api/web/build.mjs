// Bundles the dashboard into ../wwwroot/app, which client-api serves (index.html at ../wwwroot loads app/main.js).
// Pages are split into chunks loaded when first opened, so the 3D viewer's library is only fetched by pages that use it.
import * as esbuild from 'esbuild';
import { rm } from 'node:fs/promises';

const outdir = new URL('../wwwroot/app/', import.meta.url).pathname;
await rm(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: { main: 'src/main.js', styles: 'src/styles.css' },
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
