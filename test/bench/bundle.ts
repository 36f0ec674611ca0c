// Gzipped sizes of the built extension's entry points, the way a browser would fetch them: the content script
// is one file; an HTML page costs every JS chunk it loads (its module script, the modulepreloaded shared
// chunks, and whatever those import statically).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipKb = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length / 1024;

const HTML_SCRIPT = /<script\b[^>]*\bsrc="([^"]+\.js)"/g;
const HTML_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g;
/** Static imports in a minified chunk: `import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`. */
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

function resolveFrom(outputDir: string, fromFile: string, specifier: string): string {
  return specifier.startsWith('/') ? path.resolve(outputDir, `.${specifier}`) : path.resolve(path.dirname(fromFile), specifier);
}

/** `files` and every file they import statically, each once. */
function staticClosure(outputDir: string, files: readonly string[]): string[] {
  const pending = [...files];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) pending.push(resolveFrom(outputDir, file, match[1]!));
  }
  return [...seen].sort();
}

/** Every JS file an extension page loads before it can run, found from its HTML. */
export function pageScripts(outputDir: string, htmlFile: string): string[] {
  const htmlPath = path.join(outputDir, htmlFile);
  const html = readFileSync(htmlPath, 'utf8');
  return staticClosure(outputDir, [...html.matchAll(HTML_SCRIPT), ...html.matchAll(HTML_PRELOAD)].map((match) => resolveFrom(outputDir, htmlPath, match[1]!)));
}

export interface BundleSizes {
  content: number;
  popup: number;
  background: number;
  options: number;
  popupFiles: string[];
}

export function measureBundles(outputDir: string): BundleSizes {
  const sizeOf = (files: readonly string[]) => files.reduce((sum, file) => sum + gzipKb(readFileSync(file)), 0);
  const popupFiles = pageScripts(outputDir, 'popup.html');
  return {
    content: sizeOf([path.join(outputDir, 'content-scripts/serp.js')]),
    popup: sizeOf(popupFiles),
    background: sizeOf([path.join(outputDir, 'background.js')]),
    options: sizeOf(pageScripts(outputDir, 'options.html')),
    popupFiles: popupFiles.map((file) => path.relative(outputDir, file)),
  };
}
