import fs from 'node:fs';
import path from 'node:path';
import { SENTIMENT_LANGUAGES, type SentimentLabel, type SentimentLanguage } from '../../lib/sentiment/index.ts';

export interface LabelledText {
  label: SentimentLabel;
  text: string;
}

export interface SentimentCorpusFile {
  /** e.g. "ru/sentirueval2016-banks" */
  name: string;
  lang: SentimentLanguage;
  /** true when the file has no neutral rows: a neutral answer is then simply wrong */
  binary: boolean;
  rows: LabelledText[];
}

const VALID_LABELS = new Set<string>(['positive', 'neutral', 'negative']);

/** Parses the corpus TSV format: a header line, then label TAB text, split at the first tab. */
export function parseSentimentTsv(content: string): LabelledText[] {
  const rows: LabelledText[] = [];
  for (const line of content.split('\n').slice(1)) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const label = line.slice(0, tab);
    if (!VALID_LABELS.has(label)) throw new Error(`unknown label "${label}"`);
    rows.push({ label: label as SentimentLabel, text: line.slice(tab + 1) });
  }
  return rows;
}

/** Reads every <lang>/<source>.tsv under the corpus's sentiment folder, sorted by name. */
export function loadSentimentCorpus(sentimentDir: string): SentimentCorpusFile[] {
  const files: SentimentCorpusFile[] = [];
  for (const lang of SENTIMENT_LANGUAGES) {
    const langDir = path.join(sentimentDir, lang);
    if (!fs.existsSync(langDir)) continue;
    for (const fileName of fs.readdirSync(langDir).filter((name) => name.endsWith('.tsv')).sort()) {
      const rows = parseSentimentTsv(fs.readFileSync(path.join(langDir, fileName), 'utf8'));
      files.push({
        name: `${lang}/${fileName.replace(/\.tsv$/, '')}`,
        lang,
        binary: !rows.some((row) => row.label === 'neutral'),
        rows,
      });
    }
  }
  return files;
}
