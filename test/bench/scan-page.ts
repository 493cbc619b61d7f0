// The in-page halves of scan.bench.ts: a walkable tour written into the device's IndexedDB, and a
// picker's walk of it driven by synthetic scanner bursts. Strings, not functions: tsx would wrap
// named inner functions in a `__name` helper the page does not have.

export interface BenchTask {
  id: string;
  locationCode: string;
  barcode: string;
  toteCode: string;
}

export interface WalkSample {
  // Tote scan's Enter to the next task's panel in the DOM, and to the first frame after that.
  domMs: number[];
  frameMs: number[];
  // "Skip for now" to the next task: the same screen showing the next task with no event written.
  skipDomMs: number[];
  skipFrameMs: number[];
  outbox: number;
}

export const TOUR_ID = 'BENCH-T1';

// Option A of the issue: the device is offline and the tour is already on it, as if pulled. The
// rows are the server's truth, written raw (Dexie is only the app's way in, not the data's):
// a wave, a tour assigned to the picker, one pick task of qty 1 per backorder line at the SKU's
// first stocked location, its reservation (stock.reserved raised to match), the line allocated
// and in the wave, and a tote in every slot so the cart is set up. The lines are the first whole
// demo orders in id order; one order per tote means a cart of about 200 totes, which changes
// nothing the scan path reads per pick (it looks totes up by id).
export const writeTourScript = (tasks: number, badge: string, sent = 0) => `(async () => {
  const TASKS = ${tasks};
  const SENT = ${sent};
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fillwave');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const done = (req) => new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const read = db.transaction(['operators', 'stock', 'skus', 'locations', 'backorderLines', 'outbox']);
  const operator = await done(read.objectStore('operators').index('badge').get(${JSON.stringify(badge)}));
  if (!operator) throw new Error('no operator with badge ${badge}');
  const lineCount = await done(read.objectStore('backorderLines').count());
  const waiting = await done(read.objectStore('outbox').count());
  const stock = await done(read.objectStore('stock').getAll());
  const skus = new Map((await done(read.objectStore('skus').getAll())).map((s) => [s.id, s]));
  const locations = new Map((await done(read.objectStore('locations').getAll())).map((l) => [l.id, l]));
  const lines = [];
  await new Promise((resolve, reject) => {
    const req = read.objectStore('backorderLines').openCursor();
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || lines.length === TASKS) return resolve();
      if (cursor.value.status === 'open') lines.push(cursor.value);
      cursor.continue();
    };
  });
  if (lines.length < TASKS) throw new Error('only ' + lines.length + ' open lines on the device');
  const stockOf = new Map();
  for (const s of stock.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    if (!stockOf.has(s.skuId)) stockOf.set(s.skuId, s);
  const slotOf = new Map();
  for (const l of lines) if (!slotOf.has(l.orderId)) slotOf.set(l.orderId, slotOf.size);
  const waveId = 'BENCH-W1';
  const tourId = ${JSON.stringify(TOUR_ID)};
  const placed = lines.map((line) => {
    const s = stockOf.get(line.skuId);
    if (!s) throw new Error('no stock for ' + line.skuId);
    return { line, stock: s, location: locations.get(s.locationId) };
  });
  // Route order: aisle, then position, then level; the line id breaks ties.
  placed.sort((a, b) =>
    a.location.aisle - b.location.aisle || a.location.positionM - b.location.positionM ||
    a.location.level - b.location.level || (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0));
  const tx = db.transaction(['waves', 'tours', 'pickTasks', 'reservations', 'stock', 'backorderLines', 'totes', 'sent'], 'readwrite');
  tx.objectStore('waves').put({ id: waveId, name: 'Bench wave', status: 'released', releasedAt: new Date().toISOString(), releasedBy: null });
  tx.objectStore('tours').put({ id: tourId, waveId, sequence: 0, status: 'assigned', pickerId: operator.id, routeLengthM: 1000 });
  const stockRows = new Map();
  const out = [];
  placed.forEach(({ line, stock: s, location }, i) => {
    const id = 'BENCH-K' + String(i).padStart(4, '0');
    const slot = slotOf.get(line.orderId);
    const toteCode = 'TOTE-' + String(slot).padStart(4, '0');
    tx.objectStore('pickTasks').put({ id, tourId, waveId, backorderLineId: line.id, orderId: line.orderId,
      locationId: s.locationId, skuId: line.skuId, qty: 1, sequence: i, toteSlot: slot, status: 'open',
      pickedQty: 0, shortQty: 0 });
    tx.objectStore('reservations').put({ id: 'BENCH-R' + String(i).padStart(4, '0'), backorderLineId: line.id,
      locationId: s.locationId, skuId: line.skuId, qty: 1, waveId });
    const row = stockRows.get(s.id) ?? { ...s };
    row.reserved += 1;
    row.onHand = Math.max(row.onHand, row.reserved);
    stockRows.set(s.id, row);
    tx.objectStore('backorderLines').put({ ...line, qtyAllocated: 1, status: 'in_wave' });
    const each = skus.get(line.skuId).barcodes.find((b) => b.units === 1);
    out.push({ id, locationCode: location.code, barcode: each.code, toteCode });
  });
  for (const row of stockRows.values()) tx.objectStore('stock').put(row);
  // Events accepted and pulled back before this shift, kept in case the server is restored:
  // picks as a picker's device sends them, settled over the last days.
  const settled = Date.now() - 3 * 24 * 60 * 60 * 1000;
  for (let i = 1; i <= SENT; i++) {
    const payload = { pickTaskId: 'OLD-K' + i, tourId: 'OLD-T' + Math.floor(i / 50), toteCode: 'TOTE-0001', qty: 1,
      scannedCodes: { location: 'A01-01-1', item: '4006381333931', tote: 'TOTE-0001' } };
    tx.objectStore('sent').put({ localId: i, id: 'sent-' + i, seq: i, type: 'pick.confirmed', operatorId: operator.id,
      at: new Date(settled + i * 1000).toISOString(), payload, settledAt: new Date(settled + i * 1000).toISOString(),
      bytes: JSON.stringify(payload).length + 200 });
  }
  for (const [orderId, slot] of slotOf) {
    const toteCode = 'TOTE-' + String(slot).padStart(4, '0');
    tx.objectStore('totes').put({ id: tourId + '|' + toteCode, tourId, toteCode, slot, orderId, status: 'picking', packStation: null });
  }
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  const sent = await done(db.transaction('sent').objectStore('sent').count());
  db.close();
  return { tasks: out, lineCount, waiting, totes: slotOf.size, sent };
})()`;

// Walks the tour as a scanner would: location, item, tote, each a burst of keydowns on window
// ending in Enter. Times the tote scan (from just before its Enter) to the next task's panel, for
// every task after the warm-up; then, on the tasks left, "Skip for now" to the next task, the
// same screen change with nothing written. Every wait is bounded and names what it waited for.
export const walkScript = (
  tasks: BenchTask[],
  warmup: number,
  measured: number,
  skips: number,
) => `(async () => {
  const tasks = ${JSON.stringify(tasks)};
  const WARMUP = ${warmup}, MEASURED = ${measured}, SKIPS = ${skips};
  const panel = (id) => document.querySelector('[data-testid="task-' + id + '"]');
  const anyPanel = () => document.querySelector('.task');
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
  // React points the scanner at the new screen's handler in an effect after the render: let it run.
  const settle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  const burst = (text) => { for (const ch of text) key(ch); };
  const prompt = (id, text) => () => { const p = panel(id); return !!p && p.querySelector('.prompt span').textContent === text; };
  const counted = (id, n) => () => { const p = panel(id); return !!p && p.querySelector('[data-testid=counted]').textContent === String(n); };

  const domMs = [], frameMs = [];
  const last = Math.min(tasks.length - 1, WARMUP + MEASURED);
  for (let i = 0; i < last; i++) {
    const t = tasks[i], next = tasks[i + 1];
    await until(() => panel(t.id), 'task ' + t.id);
    await settle();
    burst(t.locationCode); key('Enter');
    await until(prompt(t.id, 'Scan the item'), 'location ' + t.locationCode + ' accepted at ' + t.id);
    await settle();
    burst(t.barcode); key('Enter');
    await until(counted(t.id, 1), 'item ' + t.barcode + ' counted at ' + t.id);
    await settle();
    burst(t.toteCode);
    const t0 = performance.now();
    key('Enter');
    const t1 = await until(() => panel(next.id), 'task ' + next.id + ' after the tote scan at ' + t.id);
    const t2 = await frame();
    if (i >= WARMUP) { domMs.push(t1 - t0); frameMs.push(t2 - t0); }
  }

  const skipDomMs = [], skipFrameMs = [];
  for (let i = 0; i < SKIPS; i++) {
    await settle();
    const before = anyPanel();
    if (!before) break;
    const id = before.getAttribute('data-testid');
    const button = [...before.querySelectorAll('button')].find((b) => b.textContent === 'Skip for now');
    const t0 = performance.now();
    button.click();
    const t1 = await until(() => { const p = anyPanel(); return !!p && p.getAttribute('data-testid') !== id; }, 'the task after skipping ' + id);
    const t2 = await frame();
    skipDomMs.push(t1 - t0); skipFrameMs.push(t2 - t0);
  }

  const outbox = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fillwave');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const count = db.transaction('outbox').objectStore('outbox').count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
      count.onerror = () => reject(count.error);
    };
  });
  return { domMs, frameMs, skipDomMs, skipFrameMs, outbox };
})()`;
