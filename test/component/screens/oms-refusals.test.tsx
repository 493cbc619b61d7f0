import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';

// What Vendure said when it refused a shipment, as the server logged it and a pull brought it.
const MESSAGE =
  'Vendure refused shipment SH-W5 of order ABC123: Only 2 items are in stock for Red Gadget; 5 cannot be fulfilled';

beforeEach(async () => {
  await enrollLocally();
  await db.events.put({
    id: 'e-refused',
    type: 'oms.export-refused',
    source: 'server',
    deviceId: null,
    operatorId: null,
    at: '2026-11-25T09:05:00.000Z',
    receivedAt: '2026-11-25T09:05:00.000Z',
    payload: {
      connector: 'vendure',
      eventId: 'e-ship',
      eventType: 'shipment.confirmed',
      orderId: 'ABC123',
      code: 'INSUFFICIENT_STOCK_ON_HAND_ERROR',
      message: MESSAGE,
    },
  });
});

describe("the OMS's refusals in Sync problems", () => {
  it("shows a lead what the OMS refused, in the OMS's words, with the order", async () => {
    useAppStore.setState({ operator: { id: 'op-lee', name: 'Lee Lead', role: 'lead' } });
    renderAt('/sync-problems');
    const list = await screen.findByRole('list', { name: 'Refused by the OMS' });
    expect(within(list).getByText(MESSAGE)).toBeInTheDocument();
    expect(
      within(list).getByText(/vendure · .* · INSUFFICIENT_STOCK_ON_HAND_ERROR · order ABC123/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No problems/)).toBeNull();
  });

  it('leaves it off a picker’s screen: it is not theirs to act on', async () => {
    useAppStore.setState({ operator: { id: 'op-pat', name: 'Pat Picker', role: 'picker' } });
    renderAt('/sync-problems');
    expect(await screen.findByText(/No problems/)).toBeInTheDocument();
    expect(screen.queryByText(MESSAGE)).toBeNull();
  });
});
