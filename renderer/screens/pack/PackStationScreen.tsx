import { useRef, useState } from 'react';
import { readPackScan } from '../../../shared/packing/pack-scan';
import type { ShipmentDetails } from '../../../shared/packing/shipment-form';
import {
  clampVerified,
  confirmCount,
  shipBlocker,
  shipmentLines,
  type Verified,
} from '../../../shared/packing/verify';
import type { Result } from '../../../shared/result';
import { useAct } from '../../actions/use-act';
import { useScanner } from '../../actions/use-scanner';
import { RefusalNotices } from '../../components/RefusalNotices';
import { useDroppedTotes, usePackOrder, useSlipFacts, whyNotPackable } from '../../db/tables/pack';
import { useRefusals } from '../../db/tables/refusals';
import { packingSlipOf } from '../../packing/packing-slip';
import { loadPackSettings } from '../../packing/station-settings';
import { signalDone, signalRefusal } from '../../platform/feedback';
import { printDocument } from '../../platform/print';
import { PackingSlip, type PackingSlipProps } from '../../print/PackingSlip';
import { PrintSheet } from '../../print/PrintSheet';
import { useAppStore } from '../../stores/app-store';
import { ManualEntry } from '../picker/ManualEntry';
import { PackOrderPanel } from './PackOrderPanel';
import { PackSettings } from './PackSettings';
import type { Removal } from './RemoveItemForm';
import { ToteList } from './ToteList';

export interface Shipped {
  // The shipment.confirmed event: refused by the server, the tote is back to packing.
  eventId: string;
  toteId: string;
  units: number;
  carrier: string;
  trackingNumber: string;
  // The slip, as the order stood when it shipped.
  slip: PackingSlipProps;
}

// The pack station: a tote scanned (or chosen from those dropped here), its order verified item
// by item (or by confirmed counts), then carrier, tracking, weight and parcels, and
// "Confirm shipment". Works offline: every step is an event in the outbox, shown at once.
export const PackStationScreen = () => {
  const [settings, setSettings] = useState(loadPackSettings);
  const totes = useDroppedTotes();
  const [toteId, setToteId] = useState<string | null>(null);
  const order = usePackOrder(toteId);
  const [verifiedByTote, setVerifiedByTote] = useState<Record<string, Verified>>({});
  const [returnInHand, setReturnInHand] = useState<string | null>(null);
  const [shipped, setShipped] = useState<Shipped | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Set while an event is being written, synchronously: a scan then is refused out loud.
  const writing = useRef(false);
  const act = useAct();
  const operator = useAppStore((s) => s.operator);
  const slipFacts = useSlipFacts();
  const refusals = useRefusals();

  const verified = order && toteId ? clampVerified(order, verifiedByTote[toteId] ?? {}) : {};
  const setVerified = (v: Verified) => toteId && setVerifiedByTote((m) => ({ ...m, [toteId]: v }));
  const refuse = (text: string) => {
    setMessage({ error: true, text });
    signalRefusal();
  };
  const done = (text: string) => {
    setMessage({ error: false, text });
    signalDone();
  };
  const recording = async (write: () => Promise<Result<unknown>>) => {
    writing.current = true;
    setBusy(true);
    try {
      const r = await write();
      if (!r.ok) refuse(r.reason);
      return r.ok;
    } finally {
      writing.current = false;
      setBusy(false);
    }
  };

  const open = (id: string) => {
    setToteId(id);
    setReturnInHand(null);
    setShipped(null);
    const t = totes?.find((x) => x.tote.id === id);
    setMessage(
      t ? { error: false, text: `Tote ${t.tote.toteCode}: order ${t.tote.orderId}.` } : null,
    );
  };

  const returnStock = async (instructionId: string) => {
    const r = order?.returns.find((x) => x.instruction.id === instructionId);
    if (!r) return;
    const { id, locationId, skuId, qty } = r.instruction;
    if (
      await recording(() =>
        act('stock.returned', { returnInstructionId: id, locationId, skuId, qty }),
      )
    ) {
      setReturnInHand(null);
      done(`Returned ${qty} × ${r.sku?.sku ?? skuId} to ${r.location?.code ?? locationId}.`);
    }
  };

  const onScan = (text: string) => {
    if (!totes) return;
    if (writing.current) return refuse(`Still saving the last step: scan ${text.trim()} again.`);
    if (toteId && order === undefined)
      return refuse(`Still opening the tote: scan ${text.trim()} again.`);
    const scan = readPackScan(
      {
        totes: totes.map((t) => t.tote),
        order: order ?? null,
        verified,
        returnInHand,
        byCount: settings.verify === 'count',
        today: new Date().toLocaleDateString('sv-SE'),
      },
      text,
    );
    switch (scan.kind) {
      case 'open-tote':
        return open(scan.toteId);
      case 'not-a-tote':
        return void whyNotPackable(scan.code).then(refuse);
      case 'return-location': {
        setReturnInHand(scan.instructionId);
        const r = order?.returns.find((x) => x.instruction.id === scan.instructionId);
        return done(`At ${r?.location?.code}: now scan ${r?.sku?.sku ?? 'the item'}.`);
      }
      case 'return-item':
        return void returnStock(scan.instructionId);
      case 'counted': {
        const { line, units, verified: next } = scan.counted;
        setVerified(next);
        return done(
          `${units} × ${line.sku?.sku ?? line.line.skuId} counted on line ${line.line.lineNo}.`,
        );
      }
      case 'refused':
        return refuse(scan.reason);
    }
  };
  useScanner({ onScan, onRefusal: refuse });

  const onConfirmCount = (lineId: string, count: number) => {
    if (!order) return;
    const r = confirmCount(order, verified, lineId, count);
    if (!r.ok) return refuse(r.reason);
    setVerified(r.value);
    setMessage(null);
  };

  const onRemove = async (r: Removal) => {
    const line = order?.lines.find((l) => l.line.id === r.backorderLineId);
    if (await recording(() => act('shipment-item.removed', r)))
      done(
        `Took out ${r.qty} × ${line?.sku?.sku ?? 'the item'}: ${r.qty === 1 ? 'it goes' : 'they go'} back to what the order owes.`,
      );
  };

  const onShip = async (details: ShipmentDetails) => {
    if (!order || !toteId) return;
    const lines = shipmentLines(order, verified);
    const blocker = shipBlocker(order, verified);
    if (blocker) return refuse(blocker);
    const shipmentId = crypto.randomUUID();
    let eventId = '';
    if (
      await recording(async () => {
        const r = await act('shipment.confirmed', {
          shipmentId,
          orderId: order.orderId,
          lines,
          ...details,
        });
        if (r.ok) eventId = r.value.id;
        return r;
      })
    ) {
      setVerifiedByTote(({ [toteId]: _shipped, ...rest }) => rest);
      const units = lines.reduce((s, l) => s + l.qty, 0);
      const slip = packingSlipOf(order, lines, details, {
        warehouse: slipFacts?.warehouse ?? 'Warehouse',
        station: settings.station || 'Pack station',
        shipDate: slipFacts ? slipFacts.dateOf(new Date()) : new Date().toISOString().slice(0, 10),
        packedBy: operator?.name ?? '',
      });
      setShipped({
        eventId,
        toteId,
        units,
        carrier: details.carrier,
        trackingNumber: details.trackingNumber,
        slip,
      });
      done(`Shipped ${units} unit${units === 1 ? '' : 's'} of order ${order.orderId}.`);
    }
  };

  // The browser's print dialog blocks until closed and says nothing of what it did; the desktop
  // shell says printed or cancelled.
  const onPrint = async () => {
    const printed = await printDocument();
    if (!printed.ok) return refuse(printed.reason);
    if (printed.value === 'cancelled') setMessage({ error: false, text: 'Printing cancelled.' });
    else if (printed.value === 'printed') done('Packing slip sent to the printer.');
  };

  // Shipped here, until the server refuses it: then the tote is the packer's again, with the
  // server's sentence above it.
  const shownShipped =
    shipped?.toteId === toteId && !refusals?.some((r) => r.record.id === shipped.eventId)
      ? shipped
      : null;

  if (!totes) return <p>Loading the totes…</p>;
  return (
    <section className="pack" aria-labelledby="pack-title">
      <h1 id="pack-title">Pack and ship</h1>
      <RefusalNotices screen="pack" />
      {message && (
        <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <ManualEntry label={toteId ? 'Type a code' : 'Tote code'} onEnter={onScan} />
      <div className={toteId ? 'pack-station pack-station-open' : 'pack-station'}>
        <ToteList totes={totes} station={settings.station} openId={toteId} onOpen={open} />
        {toteId && order === null && <p role="alert">This tote is not on this device any more.</p>}
        {toteId && order && (
          <PackOrderPanel
            order={order}
            verified={verified}
            byCount={settings.verify === 'count'}
            returnInHand={returnInHand}
            shipped={shownShipped}
            busy={busy}
            onConfirmCount={onConfirmCount}
            onRemove={(r) => void onRemove(r)}
            onShip={(d) => void onShip(d)}
            onPrint={() => void onPrint()}
            onClose={() => {
              setToteId(null);
              setShipped(null);
              setMessage(null);
            }}
          />
        )}
      </div>
      <PackSettings settings={settings} onSaved={setSettings} />
      {shownShipped && (
        <PrintSheet>
          <PackingSlip {...shownShipped.slip} />
        </PrintSheet>
      )}
    </section>
  );
};
