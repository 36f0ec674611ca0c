// npm run bench:sentiment — accuracy and speed of lib/sentiment on the shared corpus, side by side with the
// baseline packages the issue names (`sentiment` for English, `multilang-sentiment` for Russian/Bulgarian).
// Writes test/bench/sentiment-results.json. `npm run bench:sentiment -- --lang en` (or `--lang ru,bg`) measures
// only those languages and prints without writing the results file, which stays a record of the full run.
//
// What is asserted where: binary files (no neutral rows) are judged by "forced binary" accuracy, the sign of
// the score (0 counts as positive), because a neutral answer is simply wrong there; files with a neutral class
// by the label. Both figures are printed for every file. The ru/bg baseline takes 50-100 ms a text, so it runs
// on a fixed-seed sample of at most 300 texts per file, and our figures on that same sample stand beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzeSentiment,
  learnedModelOf,
  SENTIMENT_LANGUAGES,
  type SentimentLabel,
  type SentimentLanguage,
} from '../../lib/sentiment/index.ts';
import { seededShuffle } from '../support/prng.ts';
import { BASELINE_MARGIN, barOf, SHORT_TEXT_MAX_CHARS, TEXTS_PER_SECOND_TARGET, type Bar, type Measure } from '../sentiment/bars.ts';
import { baselineIsSlow, baselinePackageName, baselineSentiment, seededSample } from '../sentiment/baseline.ts';
import { loadSentimentCorpus, type LabelledText, type SentimentCorpusFile } from '../sentiment/corpus-data.ts';
import { steadyThroughput } from './sentiment-throughput.ts';
import { classificationFigures, forcedBinary, LABELS, type ClassificationFigures } from '../sentiment/metrics.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.resolve(here, '../../../shared/corpus');
const sentimentDir = path.join(corpusDir, 'sentiment');
const resultsFile = path.join(here, 'sentiment-results.json');
const BASELINE_SAMPLE_SIZE = 300;
const BASELINE_SAMPLE_SEED = 20_240_601;
/** Throughput is the best of several rounds: other processes on a shared machine only ever slow a round down. */
const THROUGHPUT_ROUNDS = 5;
/** Marks a simulated user has made when the project's learned model is measured, and the order's seed. */
const LEARNING_MARKS = [50, 200, 500, 1000] as const;
const LEARNING_SEED = 7;

interface Answer {
  label: SentimentLabel;
  score: number;
}

interface Figures {
  label: ClassificationFigures;
  forcedBinary: ClassificationFigures;
}

function figuresOf(rows: readonly LabelledText[], answers: readonly Answer[]): Figures {
  const gold = rows.map((row) => row.label);
  return {
    label: classificationFigures(gold, answers.map((answer) => answer.label)),
    forcedBinary: classificationFigures(gold, answers.map((answer) => forcedBinary(answer.score))),
  };
}

function measured(figures: Figures, measure: Measure): number {
  if (measure === 'forced-binary accuracy') return figures.forcedBinary.accuracy;
  return measure === 'label macro-F1' ? figures.label.macroF1 : figures.label.accuracy;
}

/** Accuracy in the mode the file is judged by (label accuracy for the macro-F1 files). */
function judgedAccuracy(figures: Figures, bar: Bar): number {
  return bar.measure === 'forced-binary accuracy' ? figures.forcedBinary.accuracy : figures.label.accuracy;
}

function timed<T>(run: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - started) / 1000 };
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}`.padStart(5);

function confusionLines(figures: ClassificationFigures): string[] {
  const present = LABELS.filter((gold) => LABELS.some((guess) => figures.confusion[gold][guess] > 0));
  return present.map(
    (gold) => `      gold ${gold.padEnd(8)} -> ${LABELS.map((guess) => `${guess} ${figures.confusion[gold][guess]}`).join(', ')}`,
  );
}

function benchFile(file: SentimentCorpusFile) {
  const bar = barOf(file);
  const ours = timed(() => file.rows.map((row) => analyzeSentiment(row.text)));
  const oursFigures = figuresOf(file.rows, ours.value);
  const sampled = baselineIsSlow(file.lang);
  const sample = sampled ? seededSample(file.rows, BASELINE_SAMPLE_SIZE, BASELINE_SAMPLE_SEED) : file.rows;
  const baseline = timed(() => sample.map((row) => baselineSentiment(row.text, file.lang)));
  const baselineFigures = figuresOf(sample, baseline.value);
  const oursOnSample = sampled ? figuresOf(sample, sample.map((row) => analyzeSentiment(row.text))) : oursFigures;
  const languageDetected = ours.value.filter((answer) => answer.lang === file.lang).length / file.rows.length;

  const value = measured(oursFigures, bar.measure);
  const margin = judgedAccuracy(oursOnSample, bar) - judgedAccuracy(baselineFigures, bar);
  return {
    name: file.name,
    lang: file.lang,
    rows: file.rows.length,
    binary: file.binary,
    judgedBy: bar.measure,
    target: bar.target ?? null,
    meetsTarget: bar.target === undefined ? null : value >= bar.target,
    accuracyMarginOverBaseline: margin,
    beatsBaselineByFivePoints: margin >= BASELINE_MARGIN,
    ours: {
      ...oursFigures,
      textsPerSecond: file.rows.length / ours.seconds,
      languageDetectedAsFile: languageDetected,
    },
    oursOnBaselineSample: sampled ? oursOnSample : null,
    baseline: {
      package: baselinePackageName(file.lang),
      rows: sample.length,
      sampleSeed: sampled ? BASELINE_SAMPLE_SEED : null,
      ...baselineFigures,
      textsPerSecond: sample.length / baseline.seconds,
    },
  };
}

type FileResult = ReturnType<typeof benchFile>;

/**
 * Suggestions learning from marks: a user marks the first k texts of the file (in a fixed random order) with
 * their gold labels, and the rest are judged with the project's learned model and without it. At most half the
 * file is marked, so the rest stays a fair test.
 */
function learningCurve(file: SentimentCorpusFile) {
  const bar = barOf(file);
  const order = seededShuffle(file.rows, LEARNING_SEED);
  return LEARNING_MARKS.filter((marks) => marks <= order.length / 2).map((marks) => {
    const learned = learnedModelOf(order.slice(0, marks).map((row) => ({ text: row.text, label: row.label })));
    const rest = order.slice(marks);
    return {
      marks,
      without: measured(figuresOf(rest, rest.map((row) => analyzeSentiment(row.text))), bar.measure),
      withLearned: measured(figuresOf(rest, rest.map((row) => analyzeSentiment(row.text, { learned }))), bar.measure),
    };
  });
}

type LearningCurve = ReturnType<typeof learningCurve>;

function printLearning(name: string, curve: LearningCurve): void {
  const steps = curve.map((step) => `${step.marks}: ${percent(step.without)} -> ${percent(step.withLearned)}`);
  console.log(`  ${name.padEnd(30)} ${steps.join(' | ')}`);
}

function printFile(result: FileResult): void {
  const ours = result.ours;
  const base = result.baseline;
  const onSample = result.oursOnBaselineSample;
  console.log(`\n${result.name}  (${result.rows} rows, ${result.binary ? 'binary' : '3-class'}; judged by ${result.judgedBy})`);
  console.log(
    `  ours      label acc ${percent(ours.label.accuracy)}  macro-F1 ${percent(ours.label.macroF1)}  forced-binary acc ${percent(ours.forcedBinary.accuracy)}  ${Math.round(ours.textsPerSecond)} texts/s`,
  );
  if (onSample) {
    console.log(
      `  ours on baseline sample (${base.rows}) label acc ${percent(onSample.label.accuracy)}  macro-F1 ${percent(onSample.label.macroF1)}  forced-binary acc ${percent(onSample.forcedBinary.accuracy)}`,
    );
  }
  console.log(
    `  baseline  label acc ${percent(base.label.accuracy)}  macro-F1 ${percent(base.label.macroF1)}  forced-binary acc ${percent(base.forcedBinary.accuracy)}  ${Math.round(base.textsPerSecond)} texts/s  [${base.package}${base.sampleSeed === null ? '' : `, ${base.rows}-text sample, seed ${base.sampleSeed}`}]`,
  );
  console.log('    ours, label confusion:');
  for (const line of confusionLines(ours.label)) console.log(line);
  console.log('    baseline, label confusion:');
  for (const line of confusionLines(base.label)) console.log(line);
  const target = result.target === null ? '' : `target ${result.target}: ${result.meetsTarget ? 'met' : 'NOT met'}; `;
  console.log(
    `  ${target}accuracy over baseline ${(result.accuracyMarginOverBaseline * 100).toFixed(1)} points (${result.beatsBaselineByFivePoints ? 'meets' : 'does NOT meet'} the +5 bar); language detected as ${result.lang} for ${percent(ours.languageDetectedAsFile)}%`,
  );
}

function byLanguage(files: readonly SentimentCorpusFile[]) {
  const languages: Partial<Record<SentimentLanguage, { rows: number; ours: Figures }>> = {};
  for (const lang of SENTIMENT_LANGUAGES) {
    const rows = files.filter((file) => file.lang === lang).flatMap((file) => file.rows);
    if (rows.length === 0) continue;
    languages[lang] = { rows: rows.length, ours: figuresOf(rows, rows.map((row) => analyzeSentiment(row.text))) };
  }
  return languages;
}

/** The languages named by `--lang en,ru` (or `--lang=en`), or undefined for all of them. */
function languagesFromArguments(args: readonly string[]): SentimentLanguage[] | undefined {
  const index = args.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (index < 0) return undefined;
  const arg = args[index] as string;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[index + 1] ?? '');
  const named = value.split(',').filter(Boolean);
  const unknown = named.filter((lang) => !(SENTIMENT_LANGUAGES as readonly string[]).includes(lang));
  if (named.length === 0 || unknown.length > 0) {
    throw new Error(`--lang takes a comma-separated list of ${SENTIMENT_LANGUAGES.join(', ')}; got "${value}"`);
  }
  return named as SentimentLanguage[];
}

function main(): void {
  if (!fs.existsSync(sentimentDir)) {
    console.log(`No sentiment corpus at ${sentimentDir}: nothing to measure.`);
    return;
  }
  const languagesAsked = languagesFromArguments(process.argv.slice(2));
  const files = loadSentimentCorpus(sentimentDir).filter((file) => languagesAsked?.includes(file.lang) ?? true);
  // The lexicons are built on first use; build them before any file is timed.
  for (const lang of SENTIMENT_LANGUAGES) analyzeSentiment('', { lang });
  const results = files.map(benchFile);
  results.forEach(printFile);

  const languages = byLanguage(files);
  console.log('\nPer language (ours, all rows pooled):');
  for (const [lang, figures] of Object.entries(languages)) {
    console.log(
      `  ${lang}: ${figures.rows} rows, label acc ${percent(figures.ours.label.accuracy)}, macro-F1 ${percent(figures.ours.label.macroF1)}, forced-binary acc ${percent(figures.ours.forcedBinary.accuracy)}`,
    );
  }

  console.log('\nLearning from marks (judged figure on the texts not marked, without -> with the learned model, after n marks):');
  const learning = Object.fromEntries(files.map((file) => [file.name, learningCurve(file)]));
  for (const [name, curve] of Object.entries(learning)) printLearning(name, curve);

  const shortTexts = files.flatMap((file) => file.rows.map((row) => row.text)).filter((text) => text.length <= SHORT_TEXT_MAX_CHARS);
  const speed = steadyThroughput(shortTexts, (text) => analyzeSentiment(text), THROUGHPUT_ROUNDS);
  const loadAverage = os.loadavg()[0] ?? 0;
  console.log(
    `\nThroughput on ${shortTexts.length} corpus texts of at most ${SHORT_TEXT_MAX_CHARS} characters (language detected per text, one thread, best of ${THROUGHPUT_ROUNDS} rounds):`,
  );
  console.log(`  ${Math.round(speed.cpu)} texts per CPU-second; target ${TEXTS_PER_SECOND_TARGET}: ${speed.cpu >= TEXTS_PER_SECOND_TARGET ? 'met' : 'NOT met'}`);
  console.log(
    `  ${Math.round(speed.wall)} texts per wall-clock second (1-minute load average ${loadAverage.toFixed(1)} on ${os.cpus().length} cores: other processes slow the wall-clock figures above)`,
  );

  console.log('\nSummary (judged figure, ours vs baseline; baseline of ru/bg on its sample):');
  for (const result of results) {
    const baselineFigure = measured(result.baseline, result.judgedBy);
    const oursFigure = measured(result.ours, result.judgedBy);
    console.log(
      `  ${result.name.padEnd(30)} ${result.judgedBy.padEnd(23)} ours ${percent(oursFigure)}  baseline ${percent(baselineFigure)}  ${result.target === null ? '' : `target ${result.target} ${result.meetsTarget ? 'met' : 'NOT met'}; `}+5 over baseline ${result.beatsBaselineByFivePoints ? 'met' : 'NOT met'}`,
    );
  }

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version },
    corpus: sentimentDir,
    notes: [
      'Binary files are judged by forced-binary accuracy (sign of the score, 0 counted positive); 3-class files by the label.',
      `The ru/bg baseline (multilang-sentiment) runs on a ${BASELINE_SAMPLE_SIZE}-text sample per file, seed ${BASELINE_SAMPLE_SEED}; accuracy margins compare ours on that same sample.`,
      'macro-F1 averages F1 over the classes present in the gold labels.',
      `learning: a simulated user marks n texts of each file (seed ${LEARNING_SEED}) with their gold labels; the rest are judged without and with the learned model.`,
    ],
    files: results,
    languages,
    learning,
    throughput: {
      shortTextsPerCpuSecond: speed.cpu,
      shortTextsPerWallSecond: speed.wall,
      shortTexts: shortTexts.length,
      maxChars: SHORT_TEXT_MAX_CHARS,
      target: TEXTS_PER_SECOND_TARGET,
      loadAverage,
    },
  };
  if (languagesAsked !== undefined) {
    console.log(`\nOnly ${languagesAsked.join(', ')} measured: ${path.relative(process.cwd(), resultsFile)} left as it was.`);
    return;
  }
  fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), resultsFile)}`);
}

main();
