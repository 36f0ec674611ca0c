import { describe, expect, it } from 'vitest';
import { FileTransfers } from '@/lib/backup/transfer';
import { memoryCacheStorage } from '../support/transfers';

describe('file transfers between the dashboard and the background', () => {
  it('gives a file once, with its type, and drops one left behind for over an hour when another is put', async () => {
    let clock = Date.UTC(2026, 10, 20);
    const transfers = new FileTransfers(memoryCacheStorage(), () => clock);
    const leftBehind = await transfers.put('left behind', 'text/plain');
    clock += 59 * 60 * 1000;
    const recent = await transfers.put('{"recent": true}', 'application/json');
    clock += 2 * 60 * 1000;
    await transfers.put('next', 'text/plain');
    expect(await transfers.take(leftBehind)).toBeNull();
    const file = await transfers.take(recent);
    expect(file?.type).toBe('application/json');
    expect(await file?.text()).toBe('{"recent": true}');
    expect(await transfers.take(recent)).toBeNull();
  });
});
