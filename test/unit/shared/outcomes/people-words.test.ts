import { describe, expect, it } from 'vitest';
import { applyLocally } from '../../../../shared/event-rules/apply-locally';
import { memoryTables } from '../../../../shared/event-rules/tables';
import {
  actionName,
  brokenTextRefusal,
  payloadRefusal,
} from '../../../../shared/outcomes/action-words';
import { describeRefusal, WORDED_CODES } from '../../../../shared/outcomes/refusal-words';
import { sayIssues } from '../../../../shared/say-issues';
import { ENROLL_FIELD_WORDS, EnrollRequestSchema } from '../../../../shared/sync-api/enroll';
import { DEVICE_EVENTS, type DeviceEventType } from '../../../../shared/sync-api/events/catalogue';
import { PUSH_FIELD_WORDS, PushRequestSchema } from '../../../../shared/sync-api/push';
import { developerWordsIn } from '../../../fixtures/developer-words';

const TYPES = Object.keys(DEVICE_EVENTS) as DeviceEventType[];
// The pipeline's and the operator check's codes (docs/sync-api.md), and one no screen knows yet.
const CODES = [
  ...WORDED_CODES,
  'id-reused',
  'seq-reused',
  'unknown-type',
  'invalid-payload',
  'constraint-violated',
  'data-refused',
  'bad-request',
  'too-large',
  'operator-required',
  'parked',
  'a-code-from-a-newer-server',
];
const NAMES = {
  actor: 'Kim Lead',
  wave: 'Wave 3 · cut-off 16:00 · 2 tours',
  tour: 'Tour 2 of Wave 3',
  picker: 'Pat Picker',
  line: 'SO-1042/1',
  location: 'A-01-1',
  sku: 'SKU-00031',
  order: 'SO-1042',
};
const ID = 'f82596be-2fb7-4c6e-9d0a-5b1c2d3e4f50';

// Every string field of a payload too long, every number a string: as wrong as a payload gets
// while still an object.
const allWrong = (type: DeviceEventType) => {
  const shape = (DEVICE_EVENTS[type].payload as { shape?: Record<string, unknown> }).shape ?? {};
  return Object.fromEntries(Object.keys(shape).map((k) => [k, 'x'.repeat(10_000)]));
};
// An action with no fields (a wrong PIN) is refused only for a field it does not have.
const wrongPayloads = (type: DeviceEventType) => {
  const wrong = allWrong(type);
  return Object.keys(wrong).length > 0 ? [{}, wrong] : [{ unexpected: 'x'.repeat(10_000) }];
};

describe('no message a person sees holds a schema path, an event type, zod wording or an id', () => {
  it('walks every refusal code of every action, with names and without', () => {
    const found: string[] = [];
    for (const type of TYPES)
      for (const code of CODES)
        for (const names of [NAMES, {}]) {
          const n = describeRefusal({ type, code, message: '' }, names, ID);
          for (const text of [n.headline, n.next, n.action?.label ?? ''])
            found.push(...developerWordsIn(text));
        }
    expect(found).toEqual([]);
  });

  it("says a refused action's fields in words, on the device and from the server", () => {
    const found: string[] = [];
    const tables = memoryTables();
    for (const type of TYPES) {
      found.push(...developerWordsIn(actionName(type)));
      for (const payload of wrongPayloads(type)) {
        const parsed = DEVICE_EVENTS[type].payload.safeParse(payload);
        expect(parsed.success, type).toBe(false);
        if (!parsed.success) found.push(...developerWordsIn(payloadRefusal(type, parsed.error)));
        const local = applyLocally(tables, {
          id: ID,
          type,
          operatorId: 'op-1',
          at: '2026-11-25T09:00:00Z',
          payload,
        });
        expect(local.ok, type).toBe(false);
        if (!local.ok) found.push(...developerWordsIn(local.reason));
      }
      found.push(
        ...developerWordsIn(brokenTextRefusal(type, 'lines.0.lot', 'contains a NUL character')),
      );
    }
    expect(found).toEqual([]);
  });

  it('says a refused enrollment and a refused push in words', () => {
    const enroll = EnrollRequestSchema.safeParse({ code: 'C'.repeat(10_000), name: '' });
    const push = PushRequestSchema.safeParse({
      events: [{ id: 'x', seq: 2 ** 31, at: '0000-01-01', type: 'pick.confirmed', payload: {} }],
    });
    expect(enroll.success || push.success).toBe(false);
    const said = [
      sayIssues(enroll.error!, ENROLL_FIELD_WORDS),
      sayIssues(push.error!, PUSH_FIELD_WORDS),
    ];
    expect(said[0]).toBe(
      'The enrollment code is too long: at most 100 characters. The device name is empty: fill it in.',
    );
    expect(said.flatMap(developerWordsIn)).toEqual([]);
  });

  it('catches what it is for', () => {
    for (const text of [
      'enroll: code: Too big: expected string to have <=100 characters',
      'backorder-line.held: reason: Too small: expected string to have >=1 characters',
      `Start ${ID}`,
      'The pick.confirmed event is malformed: qty: Invalid input',
      'push: events.0.at: must be a date',
      'The backorderLineId is missing.',
    ])
      expect(developerWordsIn(text), text).not.toEqual([]);
    for (const text of [
      'The reason for the hold is empty: fill it in.',
      'Tour 2 of Wave 3 went to another picker first.',
      'A hold on a line cannot be recorded as sent. The reason for the hold is missing: fill it in.',
    ])
      expect(developerWordsIn(text), text).toEqual([]);
  });
});
