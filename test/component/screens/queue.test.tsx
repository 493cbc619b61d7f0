import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, line, renderAt } from '../fixtures';

// jsdom lays nothing out, so every element measures 0 and a virtual list would draw no rows:
// give elements a handheld's size for this file (Chromium tests the real layout).
const size = { clientHeight: 640, clientWidth: 360, offsetHeight: 640, offsetWidth: 360 };
const saved = Object.fromEntries(
  Object.keys(size).map((k) => [
    k,
    Object.getOwnPropertyDescriptor(Element.prototype, k) ??
      Object.getOwnPropertyDescriptor(HTMLElement.prototype, k),
  ]),
);
beforeAll(() => {
  for (const [k, v] of Object.entries(size))
    Object.defineProperty(HTMLElement.prototype, k, { configurable: true, get: () => v });
});
afterAll(() => {
  for (const [k, d] of Object.entries(saved))
    if (d) Object.defineProperty(HTMLElement.prototype, k, d);
});

describe('the backorder queue', () => {
  beforeEach(async () => {
    await enrollLocally();
    await db.backorderLines.bulkPut([
      line('SO-2/1', { promisedBy: '2026-11-30T10:00:00.000Z' }),
      line('SO-1/1', { promisedBy: '2026-11-27T10:00:00.000Z', customerTier: 1 }),
      line('SO-3/1', { status: 'held' }),
      line('SO-4/1', { status: 'shipped' }),
    ]);
    useAppStore.setState({ operator: { id: 'op-lee', name: 'Lee Lead', role: 'lead' } });
  });

  it('lists open and held lines, soonest promise first', async () => {
    renderAt('/queue');
    const rows = await screen.findAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual([
      'line-SO-1/1',
      'line-SO-3/1',
      'line-SO-2/1',
    ]);
    expect(screen.getByText('3 open or held lines')).toBeInTheDocument();
  });

  it('shows what each line still owes, so a partly short line is in the queue with its rest', async () => {
    // 7 backordered; the picker found 1 of 7, which waits at packing; 6 are owed again.
    await db.backorderLines.put(
      line('SO-5/1', {
        skuId: 'S1',
        qtyBackordered: 7,
        qtyAllocated: 1,
        qtyPicked: 1,
        qtyShort: 6,
      }),
    );
    await db.skus.put({
      id: 'S1',
      sku: 'SKU-00001',
      description: 'Widget',
      unit: 'each',
      weightKg: 1,
      volumeL: 1,
      barcodes: [],
    });
    renderAt('/queue');
    const row = await screen.findByTestId('line-SO-5/1');
    expect(
      within(row).getByText('Owes 7 of 7: 6 to plan, 1 waiting at packing'),
    ).toBeInTheDocument();
    expect(within(row).getByText('Line 1 of order SO-5')).toBeInTheDocument();
    expect(await within(row).findByText(/SKU-00001/)).toBeInTheDocument();
  });

  it('holds a line at once, as an event waiting for the server, and releases it again', async () => {
    const user = userEvent.setup();
    renderAt('/queue');
    await user.click(await screen.findByRole('button', { name: 'Hold SO-1/1' }));
    const row = await screen.findByTestId('line-SO-1/1');
    expect(await within(row).findByText('held')).toBeInTheDocument();
    const [event] = await db.outbox.toArray();
    expect(event).toMatchObject({
      type: 'backorder-line.held',
      operatorId: 'op-lee',
      seq: 1,
      payload: { backorderLineId: 'SO-1/1', reason: 'Check with customer' },
    });
    // The pulled row itself is untouched until the server answers.
    expect((await db.backorderLines.get('SO-1/1'))!.status).toBe('open');
    await user.click(within(row).getByRole('button', { name: 'Release SO-1/1' }));
    expect(
      await within(await screen.findByTestId('line-SO-1/1')).findByText('open'),
    ).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(2);
  });

  it("drops the hold's effect when the server refuses it", async () => {
    const user = userEvent.setup();
    renderAt('/queue');
    await user.click(await screen.findByRole('button', { name: 'Hold SO-2/1' }));
    expect(
      await within(await screen.findByTestId('line-SO-2/1')).findByText('held'),
    ).toBeInTheDocument();
    await act(async () => {
      await db.outbox.clear();
    });
    expect(
      await within(await screen.findByTestId('line-SO-2/1')).findByText('open'),
    ).toBeInTheDocument();
  });

  it('says in words what is wrong with a hold, and holds nothing', async () => {
    const user = userEvent.setup();
    renderAt('/queue');
    const reason = await screen.findByLabelText('Reason for a hold');
    await user.clear(reason);
    await user.click(screen.getByRole('button', { name: 'Hold SO-1/1' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The reason for the hold is empty: fill it in.');
    // No schema path, no event type, no zod wording.
    expect(alert.textContent).not.toMatch(/backorder-line\.held|reason:|Too small|expected string/);
    expect(await db.outbox.count()).toBe(0);
    // With a reason, the hold goes through and the message is gone.
    await user.type(reason, 'Customer asked');
    // Corrected, the form no longer shows the old refusal.
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Hold SO-1/1' }));
    expect(
      await within(await screen.findByTestId('line-SO-1/1')).findByText('held'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(await db.outbox.count()).toBe(1);
  });

  it('is for leads only', async () => {
    useAppStore.setState({ operator: { id: 'op-pat', name: 'Pat', role: 'picker' } });
    renderAt('/queue');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This screen is for a lead; you are signed in as a picker.',
    );
  });
});
