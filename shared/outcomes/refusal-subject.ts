// What a refused event was about, read from its payload: the ids the device turns into names
// (wave, tour, picker, line, location, SKU, order). A payload may itself be what the server
// refused (malformed), so only string fields are taken and nothing is assumed present.
export interface RefusalSubject {
  waveId?: string;
  // A released wave carries its own name: it is not on the device once refused.
  waveName?: string;
  tourId?: string;
  pickTaskId?: string;
  // pick.undone names the pick it takes back (the pick.confirmed event's id).
  pickId?: string;
  pickerId?: string;
  backorderLineId?: string;
  locationId?: string;
  skuId?: string;
  orderId?: string;
}

const FIELDS = [
  'waveId',
  'tourId',
  'pickTaskId',
  'pickId',
  'pickerId',
  'backorderLineId',
  'locationId',
  'skuId',
  'orderId',
] as const;

export const refusalSubject = (payload: unknown): RefusalSubject => {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return {};
  const p = payload as Record<string, unknown>;
  const subject: RefusalSubject = {};
  for (const f of FIELDS) if (typeof p[f] === 'string') subject[f] = p[f];
  // A receipt of one line names its item and location there (stock.received).
  const [only, ...more] = Array.isArray(p.lines) ? (p.lines as unknown[]) : [];
  if (only && typeof only === 'object' && more.length === 0) {
    const l = only as Record<string, unknown>;
    if (typeof l.skuId === 'string') subject.skuId ??= l.skuId;
    if (typeof l.locationId === 'string') subject.locationId ??= l.locationId;
  }
  // operator.unlocked names the operator it unlocks: told by name, as a picker is.
  if (typeof p.operatorId === 'string') subject.pickerId ??= p.operatorId;
  // wave.released names itself; its name is the lead's word for it.
  if (typeof p.name === 'string' && subject.waveId) subject.waveName = p.name;
  return subject;
};

// The names the notice uses, as the device resolved them; absent when it does not know one.
export interface RefusalNames {
  // Who did it.
  actor?: string;
  wave?: string;
  // "Tour 2 of <wave>"
  tour?: string;
  picker?: string;
  line?: string;
  location?: string;
  sku?: string;
  order?: string;
}

// A tour by its wave and number, as the plan screen lists it (sequence counts from 0).
export const tourName = (waveName: string, sequence: number): string =>
  `Tour ${sequence + 1} of ${waveName}`;
