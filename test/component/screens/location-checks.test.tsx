import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db';
import { FloorScreen } from '../../../renderer/screens/lead/FloorScreen';
import { useAppStore } from '../../../renderer/stores/app-store';
import { seedAssignedTour } from '../picker/picker-world';

// The lead's location check digits on the floor screen: the setting for every station, and the
// printed sheet of every location's digits. Locations A1-01, A2-05, A3-02 (picker-world.ts).
const LEE = { id: 'op-lee', name: 'Lee Lead', role: 'lead' as const };

const showFloor = () =>
  render(
    <MemoryRouter>
      <FloorScreen clock={() => new Date('2026-11-25T08:30:00.000Z')} />
    </MemoryRouter>,
  );

describe('location check digits, by the lead', () => {
  beforeEach(async () => {
    useAppStore.setState({ operator: LEE });
    await seedAssignedTour();
  });
  afterEach(() => vi.restoreAllMocks());

  it('switches them on for every station: floor-settings.changed, and the box shows it at once', async () => {
    const user = userEvent.setup();
    showFloor();
    const box = await screen.findByRole('checkbox', {
      name: 'A location typed by hand needs the two check digits on its label',
    });
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Saved: a typed location needs the check digits on its label; scans are as before.',
    );
    const events = await db.outbox.toArray();
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['floor-settings.changed', { locationCheckDigits: true }],
    ]);
    await vi.waitFor(() => expect(box).toBeChecked());
    await user.click(box);
    expect((await db.outbox.orderBy('seq').last())!.payload).toEqual({
      locationCheckDigits: false,
    });
    await vi.waitFor(() => expect(box).not.toBeChecked());
  });

  it('prints every location with its check digits, in code order', async () => {
    await db.locations.update('L3', { code: 'A10-02' });
    const print = vi.fn();
    window.print = print;
    const user = userEvent.setup();
    showFloor();
    await user.click(await screen.findByRole('button', { name: 'Print location check digits' }));
    const sheet = await screen.findByRole('article', { name: 'Location check digits' });
    expect(sheet.closest('.print-sheet')).not.toBeNull();
    expect(
      within(sheet)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((c) => c.textContent)),
    ).toEqual([
      ['A1-01', '56'],
      ['A2-05', '78'],
      ['A10-02', expect.stringMatching(/^\d\d$/)],
    ]);
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
  });
});
