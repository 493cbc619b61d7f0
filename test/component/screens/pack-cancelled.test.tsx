import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import type { SyncApi } from '../../../renderer/sync/api';
import { push } from '../../../renderer/sync/push';
import type { EventEnvelope, EventResult } from '../../../shared/sync-api/push';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { outbox, PAT, scan, seedDroppedTour } from './pack-world';

const alert = () => screen.getByRole('alert');

// TOTE-A holds line 3 of O1 (1 × BOLT from A2-05), which the customer cancelled after it was
// picked: the server left an instruction to put it back.
describe('the pack station: a line cancelled after it was picked', () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    await seedDroppedTour({ cancelledLine: true });
    useAppStore.setState({ operator: PAT, reachable: true });
  });

  it('says to return it, and the return is done by scanning the location then the item', async () => {
    renderAt('/pack');
    await screen.findByRole('region', { name: /Totes to pack/ });
    await scan('TOTE-A');
    expect(await screen.findByText('Return 1 × BOLT to A2-05')).toBeInTheDocument();
    expect(screen.getByTestId('pack-line-O1/3')).toHaveTextContent(
      'cancelled by the customer: it does not ship',
    );

    // Not for the shipment: counting it is refused with why.
    await scan('4006381333931');
    expect(alert()).toHaveTextContent(
      '4006381333931 is BOLT of line 3, which the customer cancelled: it does not ship',
    );

    await scan('A2-05');
    expect(screen.getByText('Scan BOLT to put back all 1')).toBeInTheDocument();
    await scan('09501101020917');
    expect(alert()).toHaveTextContent(
      'Wrong item: 09501101020917 is not BOLT; scan BOLT to put it back at A2-05.',
    );
    expect(await outbox()).toEqual([]);
    await scan('4006381333931');
    await waitFor(async () =>
      expect((await outbox()).map((e) => [e.type, e.payload])).toEqual([
        ['stock.returned', { returnInstructionId: 'RI1', locationId: 'L2', skuId: 'S2', qty: 1 }],
      ]),
    );
    // Done on screen at once, network or not.
    await waitFor(() => expect(screen.queryByText('Return 1 × BOLT to A2-05')).toBeNull());
    expect(screen.getByText('Returned 1 × BOLT to A2-05.')).toHaveClass('notice');
  });

  it('leaves the cancelled line out of the shipment', async () => {
    const user = userEvent.setup();
    renderAt('/pack');
    await screen.findByRole('region', { name: /Totes to pack/ });
    await scan('TOTE-A');
    await screen.findByTestId('pack-line-O1/1');
    await scan('09501101020917');
    const form = screen.getByRole('form', { name: 'Shipment' });
    await user.selectOptions(screen.getByLabelText('Carrier'), 'other');
    const service = screen.getByLabelText('Service') as HTMLSelectElement;
    await user.selectOptions(service, service.options[1]!.value);
    await user.type(screen.getByLabelText('Tracking number'), 'PRO-123 456');
    await user.type(screen.getByLabelText('Weight (kg)'), '1');
    expect(form).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Confirm shipment' }));
    await waitFor(async () => expect(await outbox()).toHaveLength(1));
    const [event] = await outbox();
    expect((event!.payload as { lines: unknown }).lines).toEqual([
      { backorderLineId: 'O1/1', qty: 1 },
    ]);
  });

  it("shows the server's refusal of a shipment naming a cancelled line at the pack station", async () => {
    await db.rejected.put({
      id: 'e-ship',
      type: 'shipment.confirmed',
      operatorId: PAT.id,
      at: '2026-11-25T09:00:00.000Z',
      payload: { shipmentId: 'SH1', orderId: 'O1', lines: [{ backorderLineId: 'O1/3', qty: 1 }] },
      code: 'line-cancelled',
      message:
        'The customer cancelled line 3 of order O1; take it out of the shipment and return it to stock.',
      answeredAt: '2026-11-25T09:00:01.000Z',
    });
    renderAt('/pack');
    const notice = await screen.findByRole('article', {
      name: 'The shipment of order O1 was not confirmed: a line in it was cancelled.',
    });
    expect(notice).toHaveTextContent(
      'The server said: The customer cancelled line 3 of order O1; take it out of the shipment and return it to stock.',
    );
  });

  it('takes a shipment the server refused back to packing, with its sentence', async () => {
    const user = userEvent.setup();
    renderAt('/pack');
    await screen.findByRole('region', { name: /Totes to pack/ });
    await scan('TOTE-A');
    await screen.findByTestId('pack-line-O1/1');
    await scan('09501101020917');
    await user.selectOptions(screen.getByLabelText('Carrier'), 'other');
    const service = screen.getByLabelText('Service') as HTMLSelectElement;
    await user.selectOptions(service, service.options[1]!.value);
    await user.type(screen.getByLabelText('Tracking number'), 'PRO-123 456');
    await user.type(screen.getByLabelText('Weight (kg)'), '1');
    await user.click(screen.getByRole('button', { name: 'Confirm shipment' }));
    expect(await screen.findByText(/^Shipped: 1 unit by Other carrier/)).toBeInTheDocument();

    // Meanwhile the OMS cancelled line 1 on the server: the server refuses the shipment.
    const refusing: SyncApi = {
      push: async (events: EventEnvelope[]) => ({
        kind: 'ok',
        value: events.map((e): EventResult => ({
          id: e.id,
          status: 'rejected',
          code: 'line-cancelled',
          message:
            'The customer cancelled line 1 of order O1; take it out of the shipment and return it to stock.',
        })),
      }),
      pull: async () => ({ kind: 'ok', value: { checkpoint: 'c1', hasMore: false, changes: [] } }),
      newEpoch: async () => ({ kind: 'ok', value: crypto.randomUUID() }),
    };
    await push(db, refusing, { now: () => new Date() });

    expect(
      await screen.findByRole('article', {
        name: 'The shipment of order O1 was not confirmed: a line in it was cancelled.',
      }),
    ).toHaveTextContent(
      'The server said: The customer cancelled line 1 of order O1; take it out of the shipment and return it to stock.',
    );
    await waitFor(() => expect(screen.queryByText(/^Shipped:/)).toBeNull());
    expect(screen.getByRole('form', { name: 'Shipment' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Totes to pack (2)' })).toBeInTheDocument();
  });
});
