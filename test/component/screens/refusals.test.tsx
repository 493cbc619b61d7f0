import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RejectedEvent } from '../../../renderer/db/fillwave-db';
import { db } from '../../../renderer/db/db';
import { syncLog } from '../../../renderer/sync/park';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';

const WAVE = 'Wave 1 · no cut-off · 1 tour';
const LOST = `${WAVE} was not released: its lines were already allocated by another release.`;

const refused = (over: Partial<RejectedEvent> = {}): RejectedEvent => ({
  id: 'e-wave',
  type: 'wave.released',
  operatorId: 'op-lee',
  at: '2026-11-25T09:00:00.000Z',
  payload: { waveId: 'w-1', name: WAVE, tours: [] },
  code: 'over-allocated',
  message: `Wave ${WAVE} was not released: Backorder line SO-7/1 has 0 left to allocate; 3 is too many.`,
  answeredAt: '2026-11-25T09:05:00.000Z',
  ...over,
});

const signIn = (id: string, name: string, role: 'lead' | 'picker') =>
  useAppStore.setState({ operator: { id, name, role } });

beforeEach(async () => {
  await enrollLocally();
  await db.operators.bulkPut([
    { id: 'op-lee', badge: 'LE001', name: 'Lee Lead', role: 'lead', active: true },
    { id: 'op-kim', badge: 'LE002', name: 'Kim Lead', role: 'lead', active: true },
    { id: 'op-pat', badge: 'PI001', name: 'Pat Picker', role: 'picker', active: true },
  ]);
});

describe('a refusal where the person works', () => {
  it('shows the lost wave on the plan screen and "1 refused" in the bar until acknowledged, across a reload', async () => {
    await db.rejected.put(refused());
    signIn('op-lee', 'Lee Lead', 'lead');
    const user = userEvent.setup();
    const first = renderAt('/plan');
    const notice = await screen.findByRole('article', { name: LOST });
    expect(
      within(notice).getByText(
        'Plan the waves again: the new plan uses only the stock that is still free.',
      ),
    ).toBeInTheDocument();
    expect(within(notice).getByText(/^Lee Lead · /)).toBeInTheDocument();
    expect(screen.getByTestId('refused')).toHaveTextContent('1 refused');

    await user.click(within(notice).getByRole('button', { name: 'Got it' }));
    await expect.poll(() => screen.queryByTestId('refused')).toBeNull();
    expect(screen.queryByRole('article', { name: LOST })).toBeNull();
    const record = await db.rejected.get('e-wave');
    expect(record).toMatchObject({ acknowledgedBy: 'op-lee' });
    expect(record!.acknowledgedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await syncLog(db)).toEqual([
      expect.objectContaining({
        action: 'acknowledged',
        eventId: 'e-wave',
        type: 'wave.released',
        detail: `by Lee Lead: ${LOST}`,
      }),
    ]);

    // A reload: the count stays gone, and Sync problems still lists it, acknowledged.
    first.unmount();
    renderAt('/sync-problems');
    const listed = await screen.findByRole('article', { name: LOST });
    expect(within(listed).getByText(/acknowledged by Lee Lead at/)).toBeInTheDocument();
    expect(within(listed).queryByRole('button', { name: 'Got it' })).toBeNull();
    expect(screen.queryByTestId('refused')).toBeNull();
  });

  it('plans again from the notice on the plan screen', async () => {
    await db.rejected.put(refused());
    signIn('op-lee', 'Lee Lead', 'lead');
    const user = userEvent.setup();
    renderAt('/plan');
    const notice = await screen.findByRole('article', { name: LOST });
    await user.click(within(notice).getByRole('button', { name: 'Plan waves again' }));
    // The plan ran: with no layout synced, it says so (a full plan is the browser test's).
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No warehouse layout is on this device yet: sync with the server, then plan.',
    );
    // Planning again is not acknowledging: the count waits for "Got it".
    expect(screen.getByTestId('refused')).toHaveTextContent('1 refused');
  });

  it("counts another lead's refusal in the bar but shows it only to them", async () => {
    await db.rejected.put(refused({ operatorId: 'op-kim' }));
    signIn('op-lee', 'Lee Lead', 'lead');
    renderAt('/plan');
    expect(await screen.findByTestId('refused')).toHaveTextContent('1 refused');
    expect(screen.queryByRole('article', { name: LOST })).toBeNull();
  });

  it('offers a picker who lost a claim another tour, naming the tour by wave and number', async () => {
    await db.waves.put({
      id: 'w-1',
      name: WAVE,
      status: 'released',
      releasedAt: '2026-11-25T08:00:00.000Z',
      releasedBy: 'op-lee',
    });
    await db.tours.put({
      id: 't-9f3',
      waveId: 'w-1',
      sequence: 1,
      status: 'claimed',
      pickerId: 'op-sam',
      routeLengthM: 40,
    });
    await db.rejected.put(
      refused({
        id: 'e-claim',
        type: 'tour.claimed',
        operatorId: 'op-pat',
        payload: { tourId: 't-9f3' },
        code: 'tour-taken',
        message: 'Tour t-9f3 is held by Sam Picker.',
      }),
    );
    signIn('op-pat', 'Pat Picker', 'picker');
    const user = userEvent.setup();
    renderAt('/');
    // On the home screen too, where every refusal of the person shows.
    const home = await screen.findByRole('article', {
      name: `Tour 2 of ${WAVE} went to another picker first.`,
    });
    await user.click(within(home).getByRole('button', { name: 'Take another tour' }));
    expect(await screen.findByRole('heading', { name: 'Picking' })).toBeInTheDocument();
    const notice = await screen.findByRole('article', {
      name: `Tour 2 of ${WAVE} went to another picker first.`,
    });
    expect(within(notice).getByRole('button', { name: 'Take another tour' })).toBeInTheDocument();
    // The notice's own words name the tour; the id shows only in the server's sentence.
    expect(
      within(notice)
        .getAllByText(/t-9f3/)
        .map((e) => e.textContent),
    ).toEqual(['The server said: Tour t-9f3 is held by Sam Picker.']);
  });

  it('lists refusals in Sync problems with the same action, and Dismiss logs it', async () => {
    await db.rejected.put(refused());
    const user = userEvent.setup();
    renderAt('/sync-problems');
    const item = await screen.findByRole('article', { name: LOST });
    expect(within(item).getByRole('button', { name: 'Plan waves again' })).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Dismiss' }));
    await expect.poll(() => db.rejected.count()).toBe(0);
    expect((await syncLog(db)).map((e) => e.action)).toEqual(['dismissed', 'acknowledged']);
    expect(await screen.findByText(/Dismissed · a wave released/)).toBeInTheDocument();
  });
});
