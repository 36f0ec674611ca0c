import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, takeScreenshots } from '../screenshots/take';

/** The README's screenshots can be taken again at any time: the script runs through, every picture is made. */
describe('the screenshot script', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'rl-screenshots-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('takes a tagged Google page, a tagged forum thread, the popup, the dashboard and the report, and the dark theme', async () => {
    const taken = await takeScreenshots(outDir);
    expect(taken.map((file) => path.basename(file)).sort()).toEqual([...SCREENSHOTS].sort());
    for (const file of taken) {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      expect(png.length, file).toBeGreaterThan(5_000);
    }
  }, 120_000);
});
