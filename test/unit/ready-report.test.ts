import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READY_REPORT_DELAY_MS, ReadyReports, readReadyReport, type ReadyReport } from '@/lib/background/ready-report';
import { memoryStorageArea } from '../support/extension-storage';

const report = (month: ReadyReport['month'], markedCount: number) =>
  ({ month, projects: [], activeProjectId: 'p1', report: { markedCount } }) as unknown as ReadyReport;

describe('the popup’s report worked out ahead', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is read only for the month asked, and never without session storage', async () => {
    const session = memoryStorageArea();
    const reports = new ReadyReports(session, () => undefined);
    expect(await readReadyReport(session, '2026-11')).toBeNull();
    reports.keep(reports.begin(), report('2026-11', 3));
    await vi.waitFor(async () => expect(await readReadyReport(session, '2026-11')).toEqual(report('2026-11', 3)));
    expect(await readReadyReport(session, '2026-12')).toBeNull();
    expect(await readReadyReport(undefined, '2026-11')).toBeNull();
    // An area that fails (the browser refusing) reads as nothing kept.
    expect(await readReadyReport({ get: () => Promise.reject(new Error('no access')) }, '2026-11')).toBeNull();
  });

  it('is not kept when the data changed while it was worked out', async () => {
    const session = memoryStorageArea();
    const reports = new ReadyReports(session, () => undefined);
    const begun = reports.begin();
    reports.changed();
    reports.keep(begun, report('2026-11', 3));
    await vi.advanceTimersByTimeAsync(0);
    expect(await readReadyReport(session, '2026-11')).toBeNull();
    reports.keep(reports.begin(), report('2026-11', 4));
    await vi.advanceTimersByTimeAsync(0);
    expect((await readReadyReport(session, '2026-11'))?.report).toEqual({ markedCount: 4 });
  });

  it('is worked out at the start when none is kept for the month', async () => {
    const session = memoryStorageArea();
    const workOut = vi.fn();
    const reports = new ReadyReports(session, workOut);
    await reports.keepOneFor('2026-11');
    expect(workOut).toHaveBeenCalledTimes(1);
    reports.keep(reports.begin(), report('2026-11', 3));
    await vi.advanceTimersByTimeAsync(0);
    await reports.keepOneFor('2026-11');
    expect(workOut).toHaveBeenCalledTimes(1);
    // November's is no use in December.
    await reports.keepOneFor('2026-12');
    expect(workOut).toHaveBeenCalledTimes(2);
  });

  it('is dropped at once at a change, and worked out again once a burst of changes is over', async () => {
    const session = memoryStorageArea();
    const workOut = vi.fn();
    const reports = new ReadyReports(session, workOut);
    reports.keep(reports.begin(), report('2026-11', 3));
    await vi.advanceTimersByTimeAsync(0);
    for (let change = 0; change < 5; change++) {
      reports.changed();
      await vi.advanceTimersByTimeAsync(READY_REPORT_DELAY_MS / 2);
    }
    expect(await readReadyReport(session, '2026-11')).toBeNull();
    expect(workOut).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(READY_REPORT_DELAY_MS / 2);
    expect(workOut).toHaveBeenCalledTimes(1);
  });
});
