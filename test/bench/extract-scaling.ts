// Whether extraction time grows linearly with the page, per site adapter, for the bench report. The measurement is the
// site fuzz's (test/sites/fuzz/harness.ts): the adapter's page with its results or posts copied up to 64 times, timed
// in turn with a linear walk of the same page. The fuzz used to assert it; a timed assertion fails on a busy machine
// with nothing wrong in the code, so the verdict is reported here instead, where noise fails nothing.
import { SITES } from '../../lib/sites/index.ts';
import { measureAdapterScaling, relativeToWalk, smallPagesRatio, type ScalingStep } from '../sites/fuzz/harness.ts';

export interface AdapterScaling {
  fixture: string | null;
  /** Median ms of one extraction of the page copied 1, 8 and 64 times; null when not measured. */
  ms1x: number | null;
  ms8x: number | null;
  ms64x: number | null;
  /** The 64x page's extraction time over its yardstick walk's. */
  vsWalk64x: number | null;
  /** The same for the small pages (median of 1x, 2x, 4x): the 64x page may reach 3 times this. */
  vsWalkSmallPages: number | null;
  attempts: number;
  /** Empty when time grew in proportion with the page. */
  problems: string[];
}

export interface ExtractScaling {
  adapters: Record<string, AdapterScaling>;
  linear: number;
  total: number;
}

const rounded = (value: number | undefined, digits: number) => (value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(digits)));

function summary(fixture: string | null, steps: readonly ScalingStep[], attempts: number, problems: string[]): AdapterScaling {
  const at = (factor: number) => steps.find((step) => step.factor === factor);
  const large = at(64);
  return {
    fixture,
    ms1x: rounded(at(1)?.ms, 2),
    ms8x: rounded(at(8)?.ms, 2),
    ms64x: rounded(large?.ms, 2),
    vsWalk64x: rounded(large && relativeToWalk(large), 2),
    vsWalkSmallPages: steps.length > 0 ? rounded(smallPagesRatio(steps), 2) : null,
    attempts,
    problems,
  };
}

/** Every adapter in SITES in turn, on this thread: about a minute on a busy 2-core machine. */
export async function measureExtractScaling(): Promise<ExtractScaling> {
  const adapters: Record<string, AdapterScaling> = {};
  for (const site of SITES) {
    const scaling = await measureAdapterScaling(site.id);
    adapters[site.id] = scaling
      ? summary(scaling.fixture, scaling.steps, scaling.attempts, scaling.problems)
      : summary(null, [], 0, ['no fixture to copy']);
  }
  const linear = Object.values(adapters).filter((adapter) => adapter.problems.length === 0).length;
  return { adapters, linear, total: SITES.length };
}
