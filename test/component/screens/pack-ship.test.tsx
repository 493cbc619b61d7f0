import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { outbox, PAT, scan, seedDroppedTour } from './pack-world';

// UPS's own sample number (test/unit/shared/shipping/tracking-number.test.ts), and the same with
// its check digit one off.
const CARRIER = 'ups';
const GOOD_TRACKING = '1Z999AA10123456784';
const BAD_TRACKING = '1Z999AA10123456785';

const fillShipment = async (
  user: UserEvent,
  f: { tracking?: string; weight?: string; parcels?: string } = {},
) => {
  const form = screen.getByRole('form', { name: 'Shipment' });
  await user.selectOptions(within(form).getByLabelText('Carrier'), CARRIER);
  const service = within(form).getByLabelText('Service') as HTMLSelectElement;
  await user.selectOptions(service, service.options[1]!.value);
  await user.type(within(form).getByLabelText('Tracking number'), f.tracking ?? GOOD_TRACKING);
  await user.type(within(form).getByLabelText('Weight (kg)'), f.weight ?? '2.5');
  const parcels = within(form).getByLabelText('Parcels');
  await user.clear(parcels);
  await user.type(parcels, f.parcels ?? '1');
};

describe('the pack station: shipping a tote', () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    useAppStore.setState({ operator: PAT, reachable: true });
  });

  it('confirms a partial shipment: the verified units go, the rest stays owed', async () => {
    await seedDroppedTour();
    const user = userEvent.setup();
    renderAt('/pack');
    await screen.findByRole('region', { name: /Totes to pack/ });
    await scan('TOTE-A');
    await screen.findByTestId('pack-line-O1/1');
    expect(screen.getByRole('button', { name: 'Cannot ship yet' })).toBeDisabled();
    expect(screen.getByText(/Verify the items first/)).toBeInTheDocument();
    await scan('09501101020917');
    await scan('09501101020917');
    await scan('96385074');
    // The form starts with the carrier the order asks for.
    expect(screen.getByLabelText('Carrier')).toHaveValue('ups');
    expect(screen.getByText('The order asks for UPS.')).toBeInTheDocument();
    await fillShipment(user, { weight: '2,5', parcels: '2' });
    await user.click(screen.getByRole('button', { name: 'Confirm shipment' }));

    await waitFor(async () => expect(await outbox()).toHaveLength(1));
    const [event] = await outbox();
    expect(event!.type).toBe('shipment.confirmed');
    expect(event!.operatorId).toBe(PAT.id);
    const payload = event!.payload as Record<string, unknown>;
    expect(payload.shipmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload).toEqual({
      shipmentId: payload.shipmentId,
      orderId: 'O1',
      lines: [
        { backorderLineId: 'O1/1', qty: 2 },
        { backorderLineId: 'O1/2', qty: 1 },
      ],
      carrier: CARRIER,
      service: 'Ground',
      trackingNumber: GOOD_TRACKING,
      weightKg: 2.5,
      parcels: 2,
    });
    // Shown at once, network or not: shipped, and the two short NUTs stay owed.
    expect(
      await screen.findByText('Shipped: 3 units by UPS, tracking 1Z999AA10123456784.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('stays-owed')).toHaveTextContent('Line 2: 2 × NUT (Nut M8)');
    expect(screen.getByTestId('stays-owed')).not.toHaveTextContent('WIDGET');
    // The tote left the list of totes to pack.
    expect(screen.getByRole('region', { name: 'Totes to pack (1)' })).toBeInTheDocument();

    // The packing slip: every line of the order, what ships, what stays owed; the browser prints.
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Print packing slip' }));
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
    const slip = screen.getByRole('article', { name: 'Packing slip for order O1' });
    expect(within(slip).getByRole('row', { name: 'Line 1' })).toHaveTextContent(
      '1WIDGETBlue widget200',
    );
    expect(within(slip).getByRole('row', { name: 'Line 2' })).toHaveTextContent('2NUTNut M8120');
    expect(slip).toHaveTextContent('UPS, Ground');
    expect(slip).toHaveTextContent('Pat Packer');
    expect(slip).toHaveTextContent(
      '3 units in this shipment. 2 units still owed on this order will follow in a later shipment.',
    );
  });

  it('refuses a bad field by field with its reason and sends nothing', async () => {
    await seedDroppedTour();
    const user = userEvent.setup();
    renderAt('/pack');
    await screen.findByRole('region', { name: /Totes to pack/ });
    await scan('TOTE-B');
    await screen.findByTestId('pack-line-O2/1');
    await scan('CASE-BOLT');
    await fillShipment(user, { tracking: BAD_TRACKING, weight: '0', parcels: '0' });
    await user.click(screen.getByRole('button', { name: 'Confirm shipment' }));

    const tracking = screen.getByLabelText('Tracking number');
    expect(tracking).toHaveAttribute('aria-invalid', 'true');
    expect(tracking).toHaveAccessibleDescription(
      'The check digit does not match: this is not a valid UPS number — scan it again or type it carefully.',
    );
    expect(screen.getByLabelText('Weight (kg)')).toHaveAccessibleDescription(
      'The weight must be more than 0 kg.',
    );
    expect(screen.getByLabelText('Parcels')).toHaveAccessibleDescription(
      'The parcels are a whole number, 1 or more.',
    );
    expect(screen.getByLabelText('Carrier')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Tracking number')).toHaveAttribute('maxLength', '100');
    expect(await outbox()).toEqual([]);
  });

  it('will not ship part of a ship-complete order, and says why on the button', async () => {
    await seedDroppedTour({ o2ShipComplete: true });
    const user = userEvent.setup();
    renderAt('/pack');
    await screen.findByRole('region', { name: /Totes to pack/ });
    await scan('TOTE-B');
    expect(await screen.findByText(/ships complete: all of it, or nothing/)).toBeInTheDocument();
    await scan('CASE-BOLT');
    expect(screen.getByTestId('pack-line-O2/1')).toHaveTextContent('6 of 6 verified');
    await fillShipment(user);
    const button = screen.getByRole('button', { name: 'Cannot ship yet' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'Order O2 ships complete: line 2 (WIDGET) has 0 of 1 here, so it cannot ship until all of it is here.',
    );
    expect(await outbox()).toEqual([]);
  });

  it('takes a damaged item out with its reason: its units go back to owed', async () => {
    await seedDroppedTour();
    const user = userEvent.setup();
    renderAt('/pack');
    await screen.findByRole('region', { name: /Totes to pack/ });
    await scan('TOTE-A');
    await screen.findByTestId('pack-line-O1/1');
    await scan('09501101020917');
    await scan('09501101020917');
    await user.click(screen.getByRole('button', { name: 'Take an item out' }));
    const form = screen.getByRole('form', { name: 'Take an item out' });
    await user.selectOptions(within(form).getByLabelText('Item'), 'O1/1');
    await user.click(within(form).getByLabelText('Damaged'));
    await user.click(within(form).getByRole('button', { name: 'Take out' }));

    await waitFor(async () =>
      expect((await outbox()).map((e) => [e.type, e.payload])).toEqual([
        ['shipment-item.removed', { backorderLineId: 'O1/1', qty: 1, reason: 'damaged' }],
      ]),
    );
    // One WIDGET can ship now; the count already verified comes down with it.
    const line = screen.getByTestId('pack-line-O1/1');
    await waitFor(() => expect(line).toHaveTextContent('1 of 1 verified · 1 taken out'));
    expect(screen.getByTestId('stays-owed')).toHaveTextContent('Line 1: 1 × WIDGET');
  });
});
