import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { outbox, PAT, scan, seedDroppedTour, typeCode } from './pack-world';

const alert = () => screen.getByRole('alert');
const verifiedOn = (lineId: string) =>
  within(screen.getByTestId(`pack-line-${lineId}`)).getByTestId('verified');

describe('the pack station: a tote and its verification', () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    await seedDroppedTour();
    useAppStore.setState({ operator: PAT, reachable: true });
  });

  it('gives a packer "Pack and ship" on the home screen', async () => {
    const user = userEvent.setup();
    renderAt('/');
    await user.click(await screen.findByRole('link', { name: 'Pack and ship' }));
    expect(await screen.findByRole('heading', { name: 'Pack and ship' })).toBeInTheDocument();
  });

  it('lists the dropped totes by order, tour name and contents, and opens one by scan', async () => {
    renderAt('/pack');
    const list = await screen.findByRole('region', { name: 'Totes to pack (2)' });
    expect(within(list).getByRole('button', { name: /Tote TOTE-A/ })).toHaveTextContent(
      'Tote TOTE-AOrder O1 · Tour 1 of Wave 12 lines, 3 units · at PACK-1',
    );
    expect(within(list).getByRole('button', { name: /Tote TOTE-B/ })).toHaveTextContent(
      '1 line, 6 units',
    );

    // The scanner, anywhere on the screen: the tote's order, its lines by name, what was short
    // and what stays owed.
    await scan('tote-a');
    expect(
      await screen.findByRole('heading', { name: 'Order O1 · tote TOTE-A' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Line 1: WIDGET · Blue widget')).toBeInTheDocument();
    expect(screen.getByText('Line 2: NUT · Nut M8')).toBeInTheDocument();
    expect(screen.getByText('2 × NUT short on line 2 at A3-02')).toBeInTheDocument();
    expect(screen.getByTestId('stays-owed')).toHaveTextContent(
      'Line 1: 2 × WIDGET (Blue widget)Line 2: 3 × NUT (Nut M8)',
    );
    expect(screen.queryByText('O1/1')).not.toBeInTheDocument();
  });

  it('verifies by scanning each item; a wrong item and one too many count nothing', async () => {
    renderAt('/pack');
    await screen.findByRole('region', { name: /Totes to pack/ });
    await scan('TOTE-A');
    await screen.findByTestId('pack-line-O1/1');

    await scan('09501101020917');
    expect(verifiedOn('O1/1')).toHaveTextContent('1');
    await scan('4006381333931');
    expect(alert()).toHaveTextContent('Wrong item: 4006381333931 is not in this tote.');
    expect(verifiedOn('O1/1')).toHaveTextContent('1');
    // The SKU code typed in counts one, as at picking.
    await typeCode('widget');
    expect(verifiedOn('O1/1')).toHaveTextContent('2');
    await scan('09501101020917');
    expect(alert()).toHaveTextContent('That makes 3 of WIDGET; only 2 are in this tote to ship.');
    expect(verifiedOn('O1/1')).toHaveTextContent('2');
    await scan('96385074');
    expect(verifiedOn('O1/2')).toHaveTextContent('1');
    // Verifying writes nothing: only "Confirm shipment" does.
    expect(await outbox()).toEqual([]);
    expect(screen.getByTestId('stays-owed')).toHaveTextContent('Line 2: 2 × NUT (Nut M8)');
    expect(screen.getByTestId('stays-owed')).not.toHaveTextContent('WIDGET');
  });

  it('confirms counts instead on a station set so, and the device keeps the setting', async () => {
    const user = userEvent.setup();
    const view = renderAt('/pack');
    await user.click(await screen.findByText('Station settings'));
    await user.selectOptions(screen.getByLabelText('Verify each tote by'), 'count');
    await user.click(screen.getByRole('button', { name: 'Save station settings' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    view.unmount();

    renderAt('/pack');
    await user.click(await screen.findByRole('button', { name: /Tote TOTE-B/ }));
    expect(await screen.findByText('Count each line and confirm it')).toBeInTheDocument();
    await scan('CASE-BOLT');
    expect(alert()).toHaveTextContent('This station confirms counts');
    const count = screen.getByLabelText('Count of line 1');
    await user.type(count, '7');
    await user.click(screen.getByRole('button', { name: 'Confirm count' }));
    expect(alert()).toHaveTextContent(
      'Line 1 has 6 of BOLT to ship from this tote; 7 cannot be confirmed.',
    );
    await user.type(screen.getByLabelText('Count of line 1'), '6');
    await user.click(screen.getByRole('button', { name: 'Confirm count' }));
    await waitFor(() => expect(verifiedOn('O2/1')).toHaveTextContent('6'));
  });
});
