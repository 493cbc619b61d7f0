// The in-page halves of pack-tote.ts: a dropped tour written into the device's IndexedDB, and a
// packer's scans of its totes. Strings, not functions: tsx would wrap named inner functions in a
// `__name` helper the page does not have.

export interface BenchTote {
  toteCode: string;
  orderId: string;
  lines: number;
}

export const PACK_TOUR_ID = 'BENCH-PACK-T1';

// As if pulled: the first whole demo orders (every line open) in order-id order, each picked
// whole into its own tote on one tour, the tour dropped at PACK-1. One tour of `totes` totes is a
// big cart, but nothing the tote scan reads grows with the cart except the tour's picks, which is
// the honest worst case for reading picks by tour.
export const writeDroppedScript = (totes: number) => `(async () => {
  const TOTES = ${totes};
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fillwave');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const done = (req) => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const read = db.transaction(['backorderLines', 'operators', 'outbox']);
  const lineCount = await done(read.objectStore('backorderLines').count());
  const waiting = await done(read.objectStore('outbox').count());
  const picker = (await done(read.objectStore('operators').getAll())).find((o) => o.role === 'picker');
  const orders = [];
  await new Promise((resolve, reject) => {
    const req = read.objectStore('backorderLines').index('orderId').openCursor();
    req.onerror = () => reject(req.error);
    let current = null;
    req.onsuccess = () => {
      const cursor = req.result;
      const line = cursor ? cursor.value : null;
      if (!line || !current || line.orderId !== current.orderId) {
        if (current && current.lines.every((l) => l.status === 'open')) orders.push(current);
        if (!line || orders.length === TOTES) return resolve();
        current = { orderId: line.orderId, lines: [] };
      }
      current.lines.push(line);
      cursor.continue();
    };
  });
  if (orders.length < TOTES) throw new Error('only ' + orders.length + ' whole open orders on the device');
  const tourId = ${JSON.stringify(PACK_TOUR_ID)};
  const waveId = 'BENCH-PACK-W1';
  const tx = db.transaction(['waves', 'tours', 'pickTasks', 'picks', 'totes', 'backorderLines'], 'readwrite');
  tx.objectStore('waves').put({ id: waveId, name: 'Pack bench wave', status: 'released', releasedAt: new Date().toISOString(), releasedBy: null });
  tx.objectStore('tours').put({ id: tourId, waveId, sequence: 0, status: 'dropped', pickerId: picker ? picker.id : null, routeLengthM: 1000 });
  const out = [];
  let k = 0;
  orders.forEach((order, slot) => {
    const toteCode = 'PT-' + String(slot).padStart(4, '0');
    tx.objectStore('totes').put({ id: tourId + '|' + toteCode, tourId, toteCode, slot, orderId: order.orderId, status: 'dropped', packStation: 'PACK-1' });
    for (const line of order.lines) {
      const id = 'BENCH-PK' + String(k++).padStart(5, '0');
      tx.objectStore('pickTasks').put({ id, tourId, waveId, backorderLineId: line.id, orderId: line.orderId, locationId: 'BENCH-LOC',
        skuId: line.skuId, qty: line.qtyBackordered, sequence: k, toteSlot: slot, status: 'picked', pickedQty: line.qtyBackordered, shortQty: 0 });
      tx.objectStore('picks').put({ id: 'BENCH-P' + id, pickTaskId: id, tourId, backorderLineId: line.id, locationId: 'BENCH-LOC', skuId: line.skuId,
        toteCode, qty: line.qtyBackordered, lot: null, serial: null, expiry: null, pickedBy: picker ? picker.id : 'bench', pickedAt: new Date().toISOString(), undone: false });
      tx.objectStore('backorderLines').put({ ...line, qtyAllocated: line.qtyBackordered, qtyPicked: line.qtyBackordered, status: 'picked' });
    }
    out.push({ toteCode, orderId: order.orderId, lines: order.lines.length });
  });
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  db.close();
  return { totes: out, lineCount, waiting };
})()`;

// Scans one tote with a scanner burst on window (the previous one still open, as at a busy
// station) and times the Enter to the new order's heading with all its lines in the DOM, and to
// the next frame after that. The wait is bounded and names what it waited for.
export const scanToteScript = (tote: BenchTote) => `(async () => {
  const t = ${JSON.stringify(tote)};
  const until = (check, what, ms = 10000) => new Promise((resolve, reject) => {
    if (check()) return resolve(performance.now());
    const timer = setTimeout(() => {
      observer.disconnect();
      const alert = document.querySelector('[role=alert]');
      reject(new Error('timed out after ' + ms + ' ms waiting for ' + what + '; alert: ' + (alert ? alert.textContent : 'none')));
    }, ms);
    const observer = new MutationObserver(() => {
      if (!check()) return;
      const at = performance.now();
      clearTimeout(timer);
      observer.disconnect();
      resolve(at);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  // React points the scanner at the new render's handler in an effect: let it run first.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  const shown = () => {
    const h = document.getElementById('pack-order-title');
    return !!h && h.textContent === 'Order ' + t.orderId + ' · tote ' + t.toteCode &&
      document.querySelectorAll('.pack-line').length === t.lines;
  };
  for (const ch of t.toteCode) key(ch);
  const t0 = performance.now();
  key('Enter');
  const t1 = await until(shown, 'tote ' + t.toteCode + ' (order ' + t.orderId + ', ' + t.lines + ' lines)');
  const t2 = await frame();
  return { domMs: t1 - t0, frameMs: t2 - t0 };
})()`;
