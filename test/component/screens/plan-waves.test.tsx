import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Location } from '../../../shared/domain/location';
import { db } from '../../../renderer/db/db';
import { PlanScreen } from '../../../renderer/screens/lead/PlanScreen';
import { useAppStore } from '../../../renderer/stores/app-store';
import { line } from '../fixtures';

// Four aisles of 20 m, 3 m apart, the depot at the front of aisle 1; one SKU per location.
const LAYOUT = {
  id: 'main',
  name: 'Main floor',
  aisleCount: 4,
  aisleLengthM: 20,
  aisleSpacingM: 3,
  crossAislesM: [0, 20],
  depotAisle: 1,
  depotCrossAisleM: 0,
};
const location = (id: string, aisle: number, positionM: number): Location => ({
  id,
  code: id,
  zone: 'Z1',
  aisle,
  positionM,
  level: 0,
  side: 'left',
  countRequired: false,
});
const sku = (id: string, weightKg = 1) => ({
  id,
  sku: id,
  description: '',
  unit: 'each',
  weightKg,
  volumeL: 1,
  barcodes: [],
});

// The day as people say it, on the station's clock: "1 Dec".
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }).format(new Date());
const WAVE = `${DAY} · no cut-off · Wave 1`;

// Three orders: SO-1 at L1, SO-2 at L2, SO-3 at L3 and L4, one unit a line.
const seed = async (weightKg = 1) => {
  await db.warehouseLayouts.put(LAYOUT);
  await db.locations.bulkPut([
    location('L1', 1, 5),
    location('L2', 2, 5),
    location('L3', 3, 10),
    location('L4', 4, 15),
  ]);
  await db.skus.bulkPut(['SKU-1', 'SKU-2', 'SKU-3', 'SKU-4'].map((s) => sku(s, weightKg)));
  await db.stock.bulkPut(
    ['1', '2', '3', '4'].map((n) => ({
      id: `L${n}|SKU-${n}`,
      locationId: `L${n}`,
      skuId: `SKU-${n}`,
      onHand: 10,
      reserved: 0,
    })),
  );
  const one = { qtyOrdered: 1, qtyBackordered: 1 };
  await db.backorderLines.bulkPut([
    line('SO-1/1', one),
    line('SO-2/1', { ...one, skuId: 'SKU-2' }),
    line('SO-3/1', { ...one, skuId: 'SKU-3' }),
    line('SO-3/2', { ...one, skuId: 'SKU-4' }),
  ]);
};

// Sets the template's fields by their labels and saves it.
const saveTemplate = async (
  user: ReturnType<typeof userEvent.setup>,
  fields: Record<string, string>,
) => {
  const form = screen.getByRole('form', { name: 'Wave template' });
  for (const [label, value] of Object.entries(fields)) {
    const input = within(form).getByLabelText(label);
    await user.clear(input);
    await user.type(input, value);
  }
  await user.click(within(form).getByRole('button', { name: 'Save template' }));
};

const tourFigures = (wave: HTMLElement) =>
  within(within(wave).getByRole('list', { name: /^Tours of/ }))
    .getAllByText(/^Tour \d+:/)
    .map((t) => t.textContent);

describe('wave templates and the wave preview', () => {
  beforeEach(() => {
    localStorage.clear();
    useAppStore.setState({ operator: { id: 'op-lee', name: 'Lee Lead', role: 'lead' } });
  });

  it('refuses contradictory bounds next to the field, and saves nothing', async () => {
    await seed();
    const user = userEvent.setup();
    render(<PlanScreen />);
    await saveTemplate(user, { Name: 'Small', 'Max orders': '5', 'Max lines': '3' });
    const maxLines = screen.getByLabelText('Max lines');
    expect(maxLines).toHaveAttribute('aria-invalid', 'true');
    expect(maxLines).toHaveAccessibleDescription(
      'Max lines (3) is less than max orders (5): every order has at least one line.',
    );
    expect(screen.getByLabelText('Max orders')).not.toHaveAttribute('aria-invalid');
    expect(localStorage.getItem('fillwave.wave-templates')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Plan with' })).toHaveDisplayValue('Standard');
  });

  it('says why a template no line fits takes no order, and plans nothing', async () => {
    // Every unit weighs 14 kg; the template allows 10 kg a wave.
    await seed(14);
    const user = userEvent.setup();
    render(<PlanScreen />);
    await saveTemplate(user, { Name: 'Light', 'Max weight (kg)': '10' });
    expect(screen.getByRole('combobox', { name: 'Plan with' })).toHaveDisplayValue('Light');
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No order fits this template: the lightest line weighs 14 kg, the template allows 10 kg.',
    );
    expect(screen.queryByRole('article')).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });

  it('names the items and locations of an order by their codes, never their ids', async () => {
    await seed();
    await db.skus.update('SKU-1', { sku: 'ITEM-ONE' });
    await db.locations.update('L1', { code: 'BIN-A1' });
    const user = userEvent.setup();
    render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    const wave = await screen.findByRole('article', { name: WAVE });
    for (const open of within(wave).getAllByRole('button', { name: /^Open Tour/ }))
      await user.click(open);
    const lines = await screen.findByRole('list', { name: 'Lines of SO-1' });
    await waitFor(() => expect(lines).toHaveTextContent('SO-1/1: 1 × ITEM-ONE at BIN-A1'));
    // The route's stops too.
    const stops = () =>
      [...document.querySelectorAll('.map-stops title')].map((t) => t.textContent);
    await waitFor(() => expect(stops().some((t) => /^Stop \d+: BIN-A1$/.test(t!))).toBe(true));
    expect(stops().filter((t) => /: L1\b/.test(t!))).toEqual([]);
  });

  it('moves an order to another tour: both tours change lines and distance', async () => {
    await seed();
    const user = userEvent.setup();
    render(<PlanScreen />);
    await saveTemplate(user, { Name: 'Two totes', 'Cart totes': '2' });
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    const wave = await screen.findByRole('article', { name: WAVE });
    const before = tourFigures(wave);
    expect(before).toHaveLength(2);

    // The tour with two orders gives one of them to the other tour.
    const full = before.findIndex((t) => t!.includes('2 orders'));
    const other = 1 - full;
    const fullName = `Tour ${full + 1} of ${WAVE}`;
    await user.click(screen.getByRole('button', { name: `Open ${fullName}` }));
    const orders = screen.getByRole('list', { name: `Orders on ${fullName}` });
    const moving = within(orders).getAllByRole('listitem', { name: /^Order / })[0]!;
    const orderId = moving.getAttribute('aria-label')!.replace('Order ', '');
    await user.selectOptions(
      within(moving).getByRole('combobox', { name: `Move ${orderId} to` }),
      `Tour ${other + 1} of ${WAVE}`,
    );
    await user.click(within(moving).getByRole('button', { name: `Move ${orderId}` }));

    const after = tourFigures(await screen.findByRole('article', { name: WAVE }));
    const lines = (t: string) => Number(/(\d+) lines?/.exec(t)![1]);
    const metres = (t: string) => Number(/(\d+) m$/.exec(t)![1]);
    expect(after[full]).toMatch(/1 order ·/);
    expect(after[other]).toMatch(/2 orders ·/);
    const movedLines = lines(before[full]!) - lines(after[full]!);
    expect(movedLines).toBeGreaterThan(0);
    expect(lines(after[other]!)).toBe(lines(before[other]!) + movedLines);
    expect(metres(after[full]!)).not.toBe(metres(before[full]!));
    expect(metres(after[other]!)).not.toBe(metres(before[other]!));
    // The order's lines are on the other tour now.
    const otherName = `Tour ${other + 1} of ${WAVE}`;
    await user.click(screen.getByRole('button', { name: `Open ${otherName}` }));
    expect(
      within(screen.getByRole('list', { name: `Orders on ${otherName}` })).getByRole('listitem', {
        name: `Order ${orderId}`,
      }),
    ).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the tour the lead had open after a move, its map drawn again', async () => {
    await seed();
    const user = userEvent.setup();
    render(<PlanScreen />);
    await saveTemplate(user, { Name: 'Two totes', 'Cart totes': '2' });
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    const wave = await screen.findByRole('article', { name: WAVE });
    const full = tourFigures(wave).findIndex((t) => t!.includes('2 orders'));
    const fullName = `Tour ${full + 1} of ${WAVE}`;
    await user.click(screen.getByRole('button', { name: `Open ${fullName}` }));
    const before = screen.getByRole('img', { name: new RegExp(`^Route of ${fullName}:`) });
    const stopsBefore = Number(/: (\d+) stops?/.exec(before.getAttribute('aria-label')!)![1]);
    const orders = screen.getByRole('list', { name: `Orders on ${fullName}` });
    const moving = within(orders).getAllByRole('listitem', { name: /^Order / })[0]!;
    const orderId = moving.getAttribute('aria-label')!.replace('Order ', '');
    await user.selectOptions(
      within(moving).getByRole('combobox', { name: `Move ${orderId} to` }),
      `Tour ${2 - full} of ${WAVE}`,
    );
    await user.click(within(moving).getByRole('button', { name: `Move ${orderId}` }));

    // Still open, the order gone from its list, the map with fewer stops.
    expect(await screen.findByRole('button', { name: `Close ${fullName}` })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const after = screen.getByRole('img', { name: new RegExp(`^Route of ${fullName}:`) });
    const stopsAfter = Number(/: (\d+) stops?/.exec(after.getAttribute('aria-label')!)![1]);
    expect(stopsAfter).toBeLessThan(stopsBefore);
    expect(
      within(screen.getByRole('list', { name: `Orders on ${fullName}` })).queryByRole('listitem', {
        name: `Order ${orderId}`,
      }),
    ).toBeNull();
  });

  it('refuses a move to a full cart next to the order, and changes nothing', async () => {
    await seed();
    const user = userEvent.setup();
    render(<PlanScreen />);
    // One tote a cart: each order is a tour of its own.
    await saveTemplate(user, { Name: 'One tote', 'Cart totes': '1' });
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    const wave = await screen.findByRole('article', { name: WAVE });
    const before = tourFigures(wave);
    expect(before).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: `Open Tour 1 of ${WAVE}` }));
    const order = within(
      screen.getByRole('list', { name: `Orders on Tour 1 of ${WAVE}` }),
    ).getByRole('listitem', { name: /^Order / });
    const orderId = order.getAttribute('aria-label')!.replace('Order ', '');
    await user.selectOptions(
      within(order).getByRole('combobox', { name: `Move ${orderId} to` }),
      `Tour 2 of ${WAVE}`,
    );
    await user.click(within(order).getByRole('button', { name: `Move ${orderId}` }));
    expect(await within(order).findByRole('alert')).toHaveTextContent(
      `Tour 2 of ${WAVE} has no free tote (1 of 1).`,
    );
    expect(tourFigures(screen.getByRole('article', { name: WAVE }))).toEqual(before);
  });

  it('draws the tour on the map, its stops numbered in route order', async () => {
    await seed();
    const user = userEvent.setup();
    render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    await screen.findByRole('article', { name: WAVE });
    await user.click(screen.getByRole('button', { name: `Open Tour 1 of ${WAVE}` }));
    const map = screen.getByRole('img', { name: /^Route of Tour 1 of / });
    // In and out of aisles 1 and 2 (10 m each), up aisle 3 and down aisle 4 (20 m each), 9 m
    // across the front and 3 m across the back: 78 m.
    expect(map).toHaveAccessibleName(`Route of Tour 1 of ${WAVE}: 4 stops, 78 m`);
    const stops = [...map.querySelectorAll('.map-stop')];
    expect(stops.map((s) => s.querySelector('text')!.textContent)).toEqual(['1', '2', '3', '4']);
    // In the tour's route order, as the planner routed it.
    const planned = useAppStore.getState().planPreview!.waves[0]!.planned[0]!;
    // The router walks it the other way round: along the front to aisle 4 first.
    expect(planned.tasks.map((k) => k.locationId)).toEqual(['L4', 'L3', 'L2', 'L1']);
    expect(stops.map((s) => s.querySelector('title')!.textContent)).toEqual(
      planned.tasks.map((k, i) => `Stop ${i + 1}: ${k.locationId}`),
    );
    expect(map.querySelectorAll('.map-aisles line')).toHaveLength(4);
    expect(map.querySelector('.map-path')).toBeInTheDocument();
  });

  it('keeps the preview after leaving the screen, and numbers on from the day’s waves', async () => {
    await seed();
    await db.waves.put({
      id: 'w-early',
      name: `${DAY} · 16:00 cut-off · Wave 2`,
      status: 'released',
      releasedAt: new Date().toISOString(),
      releasedBy: 'op-lee',
    });
    const user = userEvent.setup();
    const first = render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    const name = `${DAY} · no cut-off · Wave 3`;
    await screen.findByRole('article', { name });
    first.unmount();
    render(<PlanScreen />);
    expect(screen.getByRole('article', { name })).toBeInTheDocument();
  });
});
