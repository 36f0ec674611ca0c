// node --import tsx test/bench/forum-extract.ts [--runs=5] [--engine=<corpus folder>]
//
// Time of extractPage over the forum corpus (../shared/corpus/forum/<engine>/*.html, pageUrl from the .json), in Node
// with happy-dom, the DOM the "<= 10 ms per page in Node" is measured in. Each run parses the page afresh, because
// happy-dom caches query results per document and a second extraction of one document would read the cache. Per page:
// - first: the page's first run in this process (code not yet optimised by the JIT for it);
// - median: the median over --runs runs;
// and the same for the generic finder alone (every definition switched off), the path of a forum no definition knows.
// Garbage left by parsing is collected before each timed call, so its pause is not billed to the extraction. Besides wall
// time, the process's CPU time per call is kept (all its threads, so V8's helper threads make it exceed wall time): it
// does not count the time another process had the CPU, which wall time does on a shared machine.
// Prints per-engine medians over pages and writes test/bench/forum-extract.json. Nothing is asserted: machines are noisy.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { extractPage, type ForumDefinition } from '../../lib/sites/index.ts';
import { parsePage } from '../support/parse-page.ts';
import { median } from './trace.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.resolve(here, '../../../shared/corpus/forum');
const resultsFile = path.join(here, 'forum-extract.json');
const GOAL_MS = 10;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

interface Options {
  runs: number;
  engine: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const runsArg = argv.find((arg) => arg.startsWith('--runs='));
  const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 5;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive whole number');
  const engineArg = argv.find((arg) => arg.startsWith('--engine='));
  return { runs, engine: engineArg ? engineArg.slice('--engine='.length) : null };
}

interface CorpusPage {
  engine: string;
  id: string;
  html: string;
  pageUrl: string;
}

function loadCorpus(onlyEngine: string | null): CorpusPage[] {
  return readdirSync(corpusDir)
    .filter((engine) => statSync(path.join(corpusDir, engine)).isDirectory() && (onlyEngine === null || engine === onlyEngine))
    .sort()
    .flatMap((engine) =>
      readdirSync(path.join(corpusDir, engine))
        .filter((file) => file.endsWith('.html'))
        .sort()
        .map((file) => {
          const htmlPath = path.join(corpusDir, engine, file);
          const { pageUrl } = JSON.parse(readFileSync(htmlPath.replace(/\.html$/, '.json'), 'utf8')) as { pageUrl: string };
          return { engine, id: file.replace(/\.html$/, ''), html: readFileSync(htmlPath, 'utf8'), pageUrl };
        }),
    );
}

interface Timing {
  first: number;
  median: number;
  /** Median CPU time of the process over the runs. */
  cpuMedian: number;
  items: number;
  site: string | null;
}

async function timeExtraction(page: CorpusPage, runs: number, forumEngines?: readonly ForumDefinition[]): Promise<Timing> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let items = 0;
  let site: string | null = null;
  for (let run = 0; run < runs; run += 1) {
    const { document, close } = parsePage(page.html, page.pageUrl);
    collectGarbage();
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const extract = extractPage(document, page.pageUrl, forumEngines ? { forumEngines } : undefined);
    times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    items = extract?.items.length ?? 0;
    site = extract?.site ?? null;
    await close();
  }
  return { first: times[0]!, median: median(times)!, cpuMedian: median(cpuTimes)!, items, site };
}

const round = (value: number): number => Math.round(value * 10) / 10;
const roundedTiming = (timing: Timing): Timing => ({
  ...timing,
  first: round(timing.first),
  median: round(timing.median),
  cpuMedian: round(timing.cpuMedian),
});
const medianOf = (values: readonly number[]): number => round(median(values) ?? Number.NaN);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const pages = loadCorpus(options.engine);
  if (pages.length === 0) throw new Error(`No forum corpus pages under ${corpusDir}`);
  const perPage: Array<{ engine: string; page: string; recognised: Timing; generic: Timing }> = [];
  for (const page of pages) {
    const recognised = await timeExtraction(page, options.runs);
    const generic = await timeExtraction(page, options.runs, []);
    perPage.push({ engine: page.engine, page: page.id, recognised, generic });
  }
  const engines = [...new Set(perPage.map((row) => row.engine))];
  const perEngine = Object.fromEntries(
    engines.map((engine) => {
      const rows = perPage.filter((row) => row.engine === engine);
      return [
        engine,
        {
          pages: rows.length,
          medianMs: medianOf(rows.map((row) => row.recognised.median)),
          cpuMedianMs: medianOf(rows.map((row) => row.recognised.cpuMedian)),
          firstCallMs: medianOf(rows.map((row) => row.recognised.first)),
          worstPageMs: round(Math.max(...rows.map((row) => row.recognised.median))),
          genericMedianMs: medianOf(rows.map((row) => row.generic.median)),
          genericWorstPageMs: round(Math.max(...rows.map((row) => row.generic.median))),
        },
      ];
    }),
  );
  const lines = ['engine          | pages | median ms | cpu ms | first-call ms | worst page | generic median | generic worst'];
  for (const [engine, figures] of Object.entries(perEngine)) {
    lines.push(
      [
        engine.padEnd(15),
        String(figures.pages).padStart(5),
        figures.medianMs.toFixed(1).padStart(9),
        figures.cpuMedianMs.toFixed(1).padStart(6),
        figures.firstCallMs.toFixed(1).padStart(13),
        figures.worstPageMs.toFixed(1).padStart(10),
        figures.genericMedianMs.toFixed(1).padStart(14),
        figures.genericWorstPageMs.toFixed(1).padStart(13),
      ].join(' | '),
    );
  }
  const overBudget = perPage.filter((row) => row.recognised.median > GOAL_MS).map((row) => `${row.engine}/${row.page} ${round(row.recognised.median)} ms`);
  console.log(lines.join('\n'));
  console.log(overBudget.length > 0 ? `pages over ${GOAL_MS} ms (median): ${overBudget.join(', ')}` : `every page within ${GOAL_MS} ms (median)`);
  writeFileSync(
    resultsFile,
    `${JSON.stringify(
      {
        goalMsPerPage: GOAL_MS,
        runs: options.runs,
        perEngine,
        perPage: perPage.map((row) => ({
          ...row,
          recognised: roundedTiming(row.recognised),
          generic: roundedTiming(row.generic),
        })),
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, loadAverage: os.loadavg(), node: process.version },
        date: new Date().toISOString(),
        method:
          'extractPage on a freshly parsed happy-dom document per run (as parsePage of test/sites/page.ts parses it), garbage collected before each timed call; wall and process CPU time, medians in ms; first = the first run of the page',
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), resultsFile)}`);
}

await main();
