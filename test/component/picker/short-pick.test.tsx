import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { PIA, seedAssignedTour } from './picker-world';

// A short pick is said before it is sent: only at the bin (after its location scan), with what
// will happen to the bin and the line in words, and nothing in the outbox until confirmed.
const enter = async (text: string) => {
  const field = screen.getByLabelText(/Type a code|Tote code/);
  fireEvent.change(field, { target: { value: text } });
  fireEvent.submit(field.closest('form')!);
  await act(async () => {});
};
const outboxTypes = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => e.type);

// Totes onto the cart; K1 (2 × WIDGET at A1-01, into TOTE-A) is the task in hand.
const atFirstTask = async () => {
  renderAt('/pick/T1');
  await screen.findByText('Scan a tote for slot 1 (order O1)');
  await enter('TOTE-A');
  await screen.findByText('Scan a tote for slot 2 (order O2)');
  await enter('TOTE-B');
  await screen.findByText('A1-01');
};

describe('a short pick', () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    await seedAssignedTour();
    useAppStore.setState({ operator: PIA, reachable: true });
  });

  it('is not offered before the location is scanned, and says why in words', async () => {
    const user = userEvent.setup();
    await atFirstTask();
    const short = screen.getByRole('button', { name: 'Short pick' });
    expect(short).toBeDisabled();
    expect(short).toHaveAccessibleDescription('Short pick opens once the location is scanned.');
    await user.click(short);
    expect(screen.queryByRole('form', { name: 'Short pick' })).not.toBeInTheDocument();

    await enter('A1-01');
    expect(screen.getByRole('button', { name: 'Short pick' })).toBeEnabled();
    expect(screen.queryByText('Short pick opens once the location is scanned.')).toBeNull();
  });

  it('says what happens to the bin and the line, and sends nothing until confirmed', async () => {
    const user = userEvent.setup();
    await atFirstTask();
    await enter('A1-01');
    await enter('09501101020917');
    await user.click(screen.getByRole('button', { name: 'Short pick' }));

    // One found, as counted; no reason is chosen for the picker.
    expect(screen.getByLabelText('Found')).toHaveValue('1');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    expect(screen.getByText('Say why to go on.')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Not found'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const said =
      '1 × WIDGET goes into tote TOTE-A. The bin at A1-01 is counted to 1, all taken: it is left at ' +
      '0 and flagged for a recount; other picks of this item there come off their tours. 1 goes back to owed, to be ' +
      'planned again.';
    expect(screen.getByText(said)).toBeInTheDocument();
    expect(await outboxTypes()).toEqual(['tote.assigned', 'tote.assigned']);

    // Changed to none found: the words follow, and still nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Change' }));
    await user.clear(screen.getByLabelText('Found'));
    await user.type(screen.getByLabelText('Found'), '0');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      screen.getByText(
        'Nothing goes into the tote. The bin at A1-01 is counted to 0 and flagged for a recount; ' +
          'other picks of this item there come off their tours. 2 go back to owed, to be planned ' +
          'again.',
      ),
    ).toBeInTheDocument();
    expect(await outboxTypes()).toEqual(['tote.assigned', 'tote.assigned']);

    await user.click(screen.getByRole('button', { name: 'Report short' }));
    await waitFor(async () =>
      expect((await db.outbox.orderBy('seq').last())!.payload).toEqual({
        pickTaskId: 'K1',
        foundQty: 0,
        reason: 'not-found',
      }),
    );
    expect(await screen.findByText('Short pick reported at A1-01.')).toBeInTheDocument();
  });

  it('sends nothing when the picker goes back', async () => {
    const user = userEvent.setup();
    await atFirstTask();
    await enter('A1-01');
    await user.click(screen.getByRole('button', { name: 'Short pick' }));
    await user.click(screen.getByLabelText('Damaged'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Change' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByText('Scan the item')).toBeInTheDocument();
    expect(await outboxTypes()).toEqual(['tote.assigned', 'tote.assigned']);
  });
});
