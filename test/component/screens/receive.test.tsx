import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { DEFAULT_FLOOR_SETTINGS } from '../../../shared/domain/floor-settings';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, line, renderAt } from '../fixtures';

// One aisle; SKU-00001 (barcode 4006381333931) has 4 at A-01-1, all reserved, so only what
// arrives is free. Orders waiting for it: SO-14 line 2 (6, promised first), SO-15 line 1 (8),
// SO-16 line 1 (on hold); SO-17 waits for another item. 10 of it are expected.
const LEE = { id: 'op-lee', name: 'Lee Lead', role: 'lead' as const };

const seed = async () => {
  await db.warehouseLayouts.put({
    id: 'main',
    name: 'Main floor',
    aisleCount: 2,
    aisleLengthM: 20,
    aisleSpacingM: 3,
    crossAislesM: [0, 20],
    depotAisle: 1,
    depotCrossAisleM: 0,
  });
  const location = (id: string, code: string, countRequired = false) => ({
    id,
    code,
    zone: 'A',
    aisle: 1,
    positionM: 5,
    level: 0,
    side: 'left',
    countRequired,
  });
  await db.locations.bulkPut([location('L1', 'A-01-1'), location('L2', 'A-02-1', true)]);
  const sku = (id: string, code: string, barcode: string) => ({
    id,
    sku: code,
    description: `${code} widget`,
    unit: 'each',
    weightKg: 1,
    volumeL: 1,
    barcodes: [{ code: barcode, kind: 'each', units: 1 }],
  });
  await db.skus.bulkPut([
    sku('S1', 'SKU-00001', '4006381333931'),
    sku('S2', 'SKU-00002', '96385074'),
  ]);
  await db.stock.put({ id: 'L1|S1', locationId: 'L1', skuId: 'S1', onHand: 4, reserved: 4 });
  await db.backorderLines.bulkPut([
    line('SO-14/2', { skuId: 'S1', qtyBackordered: 6, promisedBy: '2026-12-01T10:00:00.000Z' }),
    line('SO-15/1', { skuId: 'S1', qtyBackordered: 8, promisedBy: '2026-12-02T10:00:00.000Z' }),
    line('SO-16/1', { skuId: 'S1', status: 'held' }),
    line('SO-17/1', { skuId: 'S2' }),
  ]);
  await db.expectedReceipts.put({
    id: 'ER1',
    skuId: 'S1',
    qty: 10,
    expectedAt: '2026-11-26T08:00:00.000Z',
  });
};

// A scanner's burst: keys on the window with no field focused, ending in Enter.
const scan = async (text: string) => {
  await act(async () => {
    for (const key of [...text, 'Enter'])
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await act(async () => {});
};
const outbox = () => db.outbox.orderBy('seq').toArray();

describe('receiving stock on the lead station', () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    await seed();
    useAppStore.setState({ operator: LEE, reachable: true });
  });

  it('gives a lead "Receive stock" on the home screen', async () => {
    const user = userEvent.setup();
    renderAt('/');
    await user.click(await screen.findByRole('link', { name: 'Receive stock' }));
    expect(await screen.findByRole('heading', { name: 'Receive stock' })).toBeInTheDocument();
  });

  it("says so instead of offering the form where the shop's system keeps the stock", async () => {
    await db.floorSettings.put({
      ...DEFAULT_FLOOR_SETTINGS,
      stockOwner: 'oms',
      omsName: 'Vendure',
    });
    renderAt('/receive');
    expect(
      await screen.findByText(
        "Stock is kept by the shop's system (Vendure) at this site: receive it there; Fillwave follows its figures.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Receive' })).toBeNull();
    expect(screen.queryByLabelText('Quantity received')).toBeNull();
  });

  it("lists the short picks to count in the shop's system, where the shop keeps the stock", async () => {
    await db.floorSettings.put({
      ...DEFAULT_FLOOR_SETTINGS,
      stockOwner: 'oms',
      omsName: 'Vendure',
    });
    // A-02-1 was picked short of SKU-00002 (its stock set to 0, flagged); L1 is not flagged.
    await db.stock.put({ id: 'L2|S2', locationId: 'L2', skuId: 'S2', onHand: 0, reserved: 0 });
    renderAt('/receive');
    const list = await screen.findByRole('list', { name: 'Counts to make' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Count SKU-00002 at A-02-1 in Vendure: found short']);
  });

  it('records a receipt by scan, shows the stock at once and the lines it fills now', async () => {
    const user = userEvent.setup();
    renderAt('/receive');
    await screen.findByRole('heading', { name: 'Receive stock' });

    await scan('4006381333931');
    expect(screen.getByLabelText(/^Item/)).toHaveValue('SKU-00001');
    expect(screen.getByTestId('receive-sku-name')).toHaveTextContent(
      'SKU-00001 · SKU-00001 widget',
    );
    await user.type(screen.getByLabelText('Quantity received'), '9');
    await scan('a-01-1');
    expect(screen.getByLabelText(/^Location/)).toHaveValue('A-01-1');
    // The item has an expected receipt: offered as a choice.
    await user.selectOptions(
      await screen.findByLabelText('Against an expected receipt'),
      screen.getByRole('option', { name: /10 expected/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Receive' }));

    expect(await screen.findByText('Received 9 × SKU-00001 at A-01-1.')).toBeInTheDocument();
    const events = await outbox();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'stock.received',
      operatorId: 'op-lee',
      status: 'pending',
      payload: {
        receiptId: expect.any(String),
        lines: [{ skuId: 'S1', locationId: 'L1', qty: 9 }],
        expectedReceiptId: 'ER1',
      },
    });
    // At once, from the outbox, before any sync: 4 + 9 on hand.
    expect(
      await within(
        await screen.findByRole('list', { name: 'Stock of the items received' }),
      ).findByText('SKU-00001 at A-01-1: 13 on hand, 4 reserved'),
    ).toBeInTheDocument();
    const fills = await screen.findByRole('list', { name: 'Backorder lines it fills' });
    expect(
      within(fills)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Line 2 of order SO-14: 6 of 6 · SKU-00001',
      'Line 1 of order SO-15 partly: 3 of 8 · SKU-00001',
      'Line 1 of order SO-16 left: it is on hold · SKU-00001',
    ]);
    expect(screen.queryByText(/SO-17/)).not.toBeInTheDocument();
    // Nothing written to the pulled rows: the effect is the waiting event's.
    expect(await db.stock.get('L1|S1')).toMatchObject({ onHand: 4 });

    // The expected receipt now expects the 1 still to come.
    await user.type(screen.getByLabelText(/^Item/), 'sku-00001');
    expect(await screen.findByRole('option', { name: /^1 expected/ })).toBeInTheDocument();
  });

  it("lists what the stock fills by the floor's priority rules: customer tier first, SO-15 comes first", async () => {
    // SO-15's customer is tier 1; SO-14's promise is sooner. The lead put customer tier first.
    await db.backorderLines.update('SO-15/1', { customerTier: 1 });
    await db.floorSettings.put({
      id: 'warehouse',
      priorityRules: [
        { rule: 'customer-tier', on: true },
        { rule: 'promise-date', on: true },
        { rule: 'order-date', on: true },
        { rule: 'order-id', on: true },
      ],
      oneTourPerPicker: true,
      pickRatePerHour: 60,
      stallMinutes: 10,
    });
    const user = userEvent.setup();
    renderAt('/receive');
    await screen.findByRole('heading', { name: 'Receive stock' });
    await scan('4006381333931');
    await user.type(screen.getByLabelText('Quantity received'), '9');
    await user.type(screen.getByLabelText(/^Location/), 'A-01-1{Enter}');
    const fills = await screen.findByRole('list', { name: 'Backorder lines it fills' });
    expect(
      within(fills)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Line 1 of order SO-15: 8 of 8 · SKU-00001',
      'Line 2 of order SO-14 partly: 1 of 6 · SKU-00001',
      'Line 1 of order SO-16 left: it is on hold · SKU-00001',
    ]);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const user = userEvent.setup();
    renderAt('/receive');
    await screen.findByRole('heading', { name: 'Receive stock' });
    await user.type(screen.getByLabelText(/^Item/), 'NOPE-1');
    await user.type(screen.getByLabelText('Quantity received'), '0');
    await user.type(screen.getByLabelText(/^Location/), 'Z-9');
    await user.click(screen.getByRole('button', { name: 'Receive' }));

    expect(await screen.findByText(/No item has the code NOPE-1/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Item/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Quantity received')).toHaveAccessibleDescription(
      'Nothing to receive: type how many arrived, at least 1.',
    );
    expect(screen.getByLabelText(/^Location/)).toHaveAccessibleDescription(
      /No location has the code Z-9/,
    );
    expect(
      screen.getByText('Nothing was received: put right the fields marked.'),
    ).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Quantity received'));
    await user.type(screen.getByLabelText('Quantity received'), '250000');
    await user.click(screen.getByRole('button', { name: 'Receive' }));
    expect(
      await screen.findByText(/250,000 is more than one receipt line takes/),
    ).toBeInTheDocument();

    // A code that is neither an item nor a location, scanned.
    await scan('ZZ-404');
    expect(screen.getByText(/ZZ-404 is neither an item nor a location/)).toBeInTheDocument();

    expect(await outbox()).toEqual([]);
    expect(await db.stock.get('L1|S1')).toMatchObject({ onHand: 4 });
  });

  it('puts stock at a location waiting for a count, and says allocation waits for the count', async () => {
    const user = userEvent.setup();
    renderAt('/receive');
    await screen.findByRole('heading', { name: 'Receive stock' });
    await user.type(screen.getByLabelText(/^Item/), '4006381333931');
    await user.type(screen.getByLabelText('Quantity received'), '5');
    await user.type(screen.getByLabelText(/^Location/), 'A-02-1{Enter}');
    expect(
      await screen.findByText(
        '5 × SKU-00001 at A-02-1 wait for a count: allocation takes none of it until the location is counted.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('SKU-00001 at A-02-1: 5 on hand (waits for a count)'),
    ).toBeInTheDocument();
    expect((await outbox()).map((e) => e.type)).toEqual(['stock.received']);
  });
});
