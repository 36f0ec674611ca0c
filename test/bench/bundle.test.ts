import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageScripts } from './bundle';

describe('scripts an extension page loads', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rl-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows the module script, modulepreloads and static imports, each file once, and nothing else', () => {
    mkdirSync(path.join(dir, 'chunks'));
    writeFileSync(
      path.join(dir, 'popup.html'),
      '<script type="module" crossorigin src="/chunks/popup-a.js"></script><link rel="modulepreload" crossorigin href="/chunks/shared-b.js"><link rel="stylesheet" href="/assets/popup.css">',
    );
    writeFileSync(path.join(dir, 'chunks/popup-a.js'), 'import{a as e}from"./shared-b.js";import"./side-c.js";e();import(`./app-g.js`)');
    writeFileSync(path.join(dir, 'chunks/shared-b.js'), 'export*from"./deep-d.js";export const a=()=>import("./lazy-e.js")');
    writeFileSync(path.join(dir, 'chunks/side-c.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'chunks/deep-d.js'), 'export const d=1');
    writeFileSync(path.join(dir, 'chunks/lazy-e.js'), 'export const e=1');
    writeFileSync(path.join(dir, 'chunks/options-f.js'), 'export const f=1');
    writeFileSync(path.join(dir, 'chunks/app-g.js'), 'export const g=1');

    const files = pageScripts(dir, 'popup.html').map((file) => path.relative(dir, file));
    expect(files).toEqual(['chunks/deep-d.js', 'chunks/popup-a.js', 'chunks/shared-b.js', 'chunks/side-c.js']);
  });
});
