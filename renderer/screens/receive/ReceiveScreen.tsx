import { useRef, useState } from 'react';
import {
  checkReceipt,
  type ReceiptErrors,
  type ReceiptForm as Form,
} from '../../../shared/receiving/receipt-form';
import { findSku, readReceiptScan } from '../../../shared/receiving/receipt-scan';
import { useAct } from '../../actions/use-act';
import { useScanner } from '../../actions/use-scanner';
import { RefusalNotices } from '../../components/RefusalNotices';
import { countInOmsWords, stockKeptWords } from '../../../shared/event-rules/oms-stock';
import { useFloorSettings } from '../../db/tables/allocation';
import {
  useCountsToMake,
  useExpectedReceipts,
  useReceivingCatalog,
  useStockOf,
} from '../../db/tables/receiving';
import { signalDone, signalRefusal } from '../../platform/feedback';
import { FillNowList } from './FillNowList';
import { ReceiptForm } from './ReceiptForm';

const EMPTY: Form = { skuCode: '', qty: '', locationCode: '', expectedReceiptId: '' };

// Receiving at the lead's station: the item and the location by scan (or typed), the quantity,
// and the expected receipt it fulfils if any; "Receive" records stock.received, offline too. The
// stock shows at once, and below it which backorder lines the received items' stock fills now.
export const ReceiveScreen = () => {
  const catalog = useReceivingCatalog();
  const settings = useFloorSettings();
  const act = useAct();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<ReceiptErrors>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The items received on this screen, in the order they came: their stock and what it fills.
  const [received, setReceived] = useState<string[]>([]);
  const writing = useRef(false);

  const sku = catalog && form.skuCode.trim() ? findSku(catalog, form.skuCode) : undefined;
  const expected = useExpectedReceipts(sku?.id ?? null) ?? [];
  const stock = useStockOf(received) ?? [];
  const counts = useCountsToMake() ?? [];

  const refuse = (text: string) => {
    setMessage({ error: true, text });
    signalRefusal();
  };
  const change = (field: keyof Form, value: string) => {
    setForm((f) => ({
      ...f,
      [field]: value,
      // Another item: its expected receipts are others.
      ...(field === 'skuCode' ? { expectedReceiptId: '' } : {}),
    }));
    const named = field === 'skuCode' ? 'sku' : field === 'locationCode' ? 'location' : field;
    setErrors(({ [named as keyof ReceiptErrors]: _gone, ...rest }) => rest);
  };

  const onScan = (text: string) => {
    if (!catalog) return;
    const scan = readReceiptScan(catalog, text, new Date().toLocaleDateString('sv-SE'));
    if (scan.kind === 'unknown') return refuse(scan.reason);
    if (scan.kind === 'location') {
      change('locationCode', scan.location.code);
      return setMessage({ error: false, text: `Location ${scan.location.code}.` });
    }
    change('skuCode', scan.sku.sku);
    // A case label says how many it holds; the lead can still type another count.
    if (scan.units !== null) change('qty', String(scan.units));
    setMessage({ error: false, text: `${scan.sku.sku} · ${scan.sku.description}` });
  };
  useScanner({ onScan, onRefusal: refuse });

  const receive = async () => {
    if (!catalog || writing.current) return;
    const checked = checkReceipt(catalog, expected, form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return refuse('Nothing was received: put right the fields marked.');
    }
    setErrors({});
    writing.current = true;
    setBusy(true);
    try {
      const r = await act('stock.received', { receiptId: crypto.randomUUID(), ...checked.payload });
      if (!r.ok) return refuse(r.reason);
      setReceived((ids) => [checked.sku.id, ...ids.filter((id) => id !== checked.sku.id)]);
      setForm(EMPTY);
      setMessage({
        error: false,
        text: `Received ${checked.qty} × ${checked.sku.sku} at ${checked.location.code}.`,
      });
      signalDone();
      document.getElementById('receive-sku')?.focus();
    } finally {
      writing.current = false;
      setBusy(false);
    }
  };

  if (!catalog || !settings) return <p>Loading the items and locations…</p>;
  // The shop's system keeps this site's stock (docs/oms.md): receiving is done there.
  if (settings.stockOwner === 'oms')
    return (
      <section className="receive" aria-labelledby="receive-title">
        <h1 id="receive-title">Receive stock</h1>
        <p className="notice" role="status">
          {stockKeptWords(settings.omsName, 'receive')}
        </p>
        {/* Short picks: Fillwave cannot count there, the shop's system can (docs/oms.md). */}
        {counts.length > 0 && (
          <ul aria-label="Counts to make">
            {counts.map((c) => (
              <li key={c.id}>{countInOmsWords(c.skuCode, c.locationCode, settings.omsName)}</li>
            ))}
          </ul>
        )}
      </section>
    );
  const skuCodes = new Map(
    received.map((id) => [id, [...catalog.skuByCode.values()].find((s) => s.id === id)?.sku ?? id]),
  );
  return (
    <section className="receive" aria-labelledby="receive-title">
      <h1 id="receive-title">Receive stock</h1>
      <RefusalNotices screen="receive" />
      {message && (
        <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <ReceiptForm
        form={form}
        errors={errors}
        sku={sku}
        expected={expected}
        busy={busy}
        onChange={change}
        onReceive={() => void receive()}
      />
      {received.length > 0 && (
        <>
          <section aria-labelledby="receive-stock-title">
            <h2 id="receive-stock-title">Stock now</h2>
            <ul aria-label="Stock of the items received">
              {stock.map(({ stock: s, location }) => (
                <li key={s.id}>
                  {skuCodes.get(s.skuId) ?? s.skuId} at {location?.code ?? s.locationId}: {s.onHand}{' '}
                  on hand
                  {s.reserved > 0 ? `, ${s.reserved} reserved` : ''}
                  {location?.countRequired ? ' (waits for a count)' : ''}
                </li>
              ))}
            </ul>
          </section>
          <FillNowList skuIds={received} skuCodes={skuCodes} stock={stock} />
        </>
      )}
    </section>
  );
};
