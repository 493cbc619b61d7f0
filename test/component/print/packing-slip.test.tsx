import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PackingSlip, type PackingSlipProps } from '../../../renderer/print/PackingSlip';
import { PrintSheet } from '../../../renderer/print/PrintSheet';

// Order SO-1042 ships partly: line 1 sends 3 of 7 (4 still owed, after a short pick), line 2
// ships whole, line 3 was cancelled by the customer, line 4 had 2 of 5 cancelled and sends 3.
const slip: PackingSlipProps = {
  warehouse: 'Reno DC',
  station: 'Pack station 2',
  orderNumber: 'SO-1042',
  customer: 'Acme Hardware',
  shipDate: '2026-12-01',
  carrierId: 'dhl-express',
  service: 'Express Worldwide',
  trackingNumber: '3318810025',
  parcels: 2,
  weightKg: 12.5,
  packedBy: 'Dana Park',
  lines: [
    {
      lineNo: 1,
      skuCode: 'BOLT-M8',
      description: 'Hex bolt M8',
      qtyShipped: 3,
      qtyStillOwed: 4,
      qtyCancelled: 0,
    },
    {
      lineNo: 2,
      skuCode: 'NUT-M8',
      description: 'Hex nut M8',
      qtyShipped: 10,
      qtyStillOwed: 0,
      qtyCancelled: 0,
    },
    {
      lineNo: 3,
      skuCode: 'WASH-M8',
      description: 'Washer M8',
      qtyShipped: 0,
      qtyStillOwed: 0,
      qtyCancelled: 6,
    },
    {
      lineNo: 4,
      skuCode: 'PIN-4',
      description: 'Split pin 4 mm',
      qtyShipped: 3,
      qtyStillOwed: 0,
      qtyCancelled: 2,
    },
  ],
};

// The cells of a line's row, in column order.
const row = (lineNo: number) =>
  within(screen.getByRole('row', { name: `Line ${lineNo}` }))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('the packing slip', () => {
  it('shows per line what ships now, what is still owed and what was cancelled', () => {
    render(<PackingSlip {...slip} />);
    const heads = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(heads).toEqual(['Line', 'SKU', 'Description', 'Shipped', 'Still owed', 'Cancelled']);
    expect(row(1)).toEqual(['1', 'BOLT-M8', 'Hex bolt M8', '3', '4', '0']);
    expect(row(2)).toEqual(['2', 'NUT-M8', 'Hex nut M8', '10', '0', '0']);
    expect(row(3)).toEqual(['3', 'WASH-M8', 'Washer M8 (cancelled)', '0', '0', '6']);
    expect(row(4)).toEqual(['4', 'PIN-4', 'Split pin 4 mm', '3', '0', '2']);
    expect(
      screen.getByText(
        '16 units in this shipment. 4 units still owed on this order will follow in a later shipment.',
      ),
    ).toBeInTheDocument();
  });

  it('names the order, customer, day, carrier, tracking number, parcels and packer', () => {
    render(<PackingSlip {...slip} />);
    const facts = Object.fromEntries(
      screen.getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(facts).toEqual({
      Order: 'SO-1042',
      Customer: 'Acme Hardware',
      'Ship date': '1 December 2026',
      Carrier: 'DHL Express, Express Worldwide',
      'Tracking number': '3318810025',
      Parcels: '2, 12.5 kg',
      'Packed by': 'Dana Park',
    });
    expect(screen.getByText('Reno DC · Pack station 2')).toBeInTheDocument();
    // The carrier by its name, never the picker's id for it.
    expect(document.body.textContent).not.toContain('dhl-express');
  });

  it('says nothing is owed when the order ships complete', () => {
    render(
      <PackingSlip
        {...slip}
        lines={[{ ...slip.lines[1]!, qtyShipped: 1 }]}
        carrierId="ups"
        service="Ground"
      />,
    );
    expect(screen.getByText('1 unit in this shipment.')).toBeInTheDocument();
    expect(screen.queryByText(/still owed on this order/)).toBeNull();
    expect(screen.getByText('UPS, Ground')).toBeInTheDocument();
  });
});

describe('PrintSheet', () => {
  it('puts what prints straight under <body>, outside the app, where the print CSS shows it alone', () => {
    const { container } = render(
      <PrintSheet>
        <PackingSlip {...slip} />
      </PrintSheet>,
    );
    const sheet = document.querySelector('.print-sheet');
    expect(sheet?.parentElement).toBe(document.body);
    expect(container.contains(sheet)).toBe(false);
    expect(within(sheet as HTMLElement).getByRole('article')).toHaveAccessibleName(
      'Packing slip for order SO-1042',
    );
  });
});
