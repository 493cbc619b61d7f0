import { useEffect, useRef, useState } from 'react';
import { activePriority, type FloorSettings } from '../../../shared/domain/floor-settings';
import { commitBatches } from '../../../shared/engines/allocation/preview';
import { PRIORITY_RULES } from '../../../shared/engines/allocation/priority';
import { RULE_WORDS } from '../../../shared/engines/allocation/rule-words';
import { useAct } from '../../actions/use-act';
import {
  previewAllocationNow,
  useFloorSettings,
  type AllocationPreview,
  type PreviewLine,
} from '../../db/tables/allocation';
import { acknowledge, useRefusals } from '../../db/tables/refusals';
import { useAppStore } from '../../stores/app-store';

type RuleList = FloorSettings['priorityRules'];

// The lead's list as saved, with any rule the engine knows and the list does not yet name
// added after it (as activePriority applies them), so every rule can be moved and switched.
const fullList = (s: FloorSettings): RuleList => [
  ...s.priorityRules,
  ...PRIORITY_RULES.filter((rule) => !s.priorityRules.some((r) => r.rule === rule)).map((rule) => ({
    rule,
    on: true,
  })),
];

const sameList = (a: RuleList, b: RuleList) =>
  a.length === b.length && a.every((r, i) => r.rule === b[i]!.rule && r.on === b[i]!.on);

const count = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

// Who gets the free stock: the lead orders the priority rules and switches them, saves them for
// every station, previews what the engine fills with them, and commits it.
export const AllocateScreen = () => {
  const settings = useFloorSettings();
  if (!settings) return null;
  return <Allocate settings={settings} />;
};

const Allocate = ({ settings }: { settings: FloorSettings }) => {
  const act = useAct();
  const saved = fullList(settings);
  const [rules, setRules] = useState<RuleList>(saved);
  // Another station's saved rules arrive by sync: followed unless this lead is mid-edit.
  const savedKey = JSON.stringify(saved);
  const [base, setBase] = useState(savedKey);
  if (base !== savedKey) {
    setBase(savedKey);
    if (sameList(rules, JSON.parse(base) as RuleList)) setRules(saved);
  }
  const [preview, setPreview] = useState<AllocationPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One thing at a time: a second tap while an event is being recorded does nothing.
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      setError(await work());
    } finally {
      setBusy(false);
    }
  };

  // A preview made with other rules no longer says what Commit would write.
  const change = (next: RuleList) => {
    setRules(next);
    setPreview(null);
  };

  const save = () =>
    run(async () => {
      const done = await act('floor-settings.changed', { priorityRules: rules });
      if (!done.ok) return done.reason;
      setMessage('Rules saved: every station allocates by them.');
      return null;
    });

  const runPreview = () =>
    run(async () => {
      const made = await previewAllocationNow(
        activePriority({ ...settings, priorityRules: rules }),
      );
      setPreview(made.ok ? made.value : null);
      return made.ok ? null : made.reason;
    });

  const commit = (p: AllocationPreview) =>
    run(async () => {
      const batches = commitBatches(p.fillList);
      let sent = 0;
      for (const batch of batches) {
        const done = await act('allocation.committed', batch);
        if (!done.ok) {
          // The events already recorded stand; what is left is previewed again from the new view.
          setPreview(null);
          return sent > 0
            ? `${count(sent, 'line')} committed; the rest was not: ${done.reason}`
            : done.reason;
        }
        sent += batch.lines.length;
        // A big fill list takes seconds: say how far it has got.
        if (batches.length > 1)
          setMessage(
            `Committing: ${sent.toLocaleString('en')} of ${count(p.fillList.length, 'line')}…`,
          );
      }
      setPreview(null);
      setMessage(
        `${count(sent, 'line')} committed in ${count(batches.length, 'event')}. Preview again to see what is left.`,
      );
      return null;
    });

  return (
    <section aria-labelledby="allocate-title" className="allocate">
      <h1 id="allocate-title">Allocate stock</h1>
      <p className="lead">
        Who gets the free stock: the rules in this order, the ones switched on. Ties end on order
        number and line.
      </p>
      <RefusedLines busy={busy} onPreview={() => void runPreview()} />
      <RuleEditor rules={rules} busy={busy} onChange={change} />
      <div className="allocate-actions">
        <button
          type="button"
          onClick={() => void save()}
          disabled={busy || sameList(rules, saved) || !rules.some((r) => r.on)}
        >
          Save rules
        </button>
        <button type="button" onClick={() => void runPreview()} disabled={busy}>
          Preview
        </button>
        {preview && (
          <button
            type="button"
            onClick={() => void commit(preview)}
            disabled={busy || preview.fillList.length === 0}
          >
            Commit {count(preview.fillList.length, 'line')}
          </button>
        )}
      </div>
      {!rules.some((r) => r.on) && (
        <p className="error" role="alert">
          Switch on at least one rule.
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {preview && <Preview preview={preview} />}
    </section>
  );
};

const RuleEditor = ({
  rules,
  busy,
  onChange,
}: {
  rules: RuleList;
  busy: boolean;
  onChange: (next: RuleList) => void;
}) => {
  const list = useRef<HTMLOListElement>(null);
  // After a move the pressed button may be at the end of the list and disabled: keyboard focus
  // goes to the rule's other move button rather than to the page.
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    const focus = focusAfter.current;
    if (!focus) return;
    focusAfter.current = null;
    const button = list.current?.querySelector<HTMLButtonElement>(`[data-focus="${focus}"]`);
    if (button && !button.disabled) button.focus();
    else
      list.current
        ?.querySelector<HTMLButtonElement>(`[data-rule="${focus.split(':')[0]}"]:not(:disabled)`)
        ?.focus();
  });

  const move = (i: number, by: -1 | 1) => {
    const next = [...rules];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
    focusAfter.current = `${rules[i]!.rule}:${by === -1 ? 'up' : 'down'}`;
  };
  const toggle = (i: number) => onChange(rules.map((r, k) => (k === i ? { ...r, on: !r.on } : r)));

  return (
    <>
      <h2>Priority rules</h2>
      <ol className="allocate-rules" aria-label="Priority rules" ref={list}>
        {rules.map((r, i) => {
          const words = RULE_WORDS[r.rule];
          return (
            <li key={r.rule} aria-label={words} className={r.on ? '' : 'rule-off'}>
              <label className="inline">
                <input type="checkbox" checked={r.on} disabled={busy} onChange={() => toggle(i)} />
                {words}
              </label>
              <span className="allocate-move">
                <button
                  type="button"
                  data-rule={r.rule}
                  data-focus={`${r.rule}:up`}
                  disabled={busy || i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`Move ${words} up`}
                >
                  Up
                </button>
                <button
                  type="button"
                  data-rule={r.rule}
                  data-focus={`${r.rule}:down`}
                  disabled={busy || i === rules.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${words} down`}
                >
                  Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
};

const GROUPS = [
  { key: 'filled', title: 'Filled' },
  { key: 'partly', title: 'Partly filled' },
  { key: 'left', title: 'Left' },
] as const;

const Preview = ({ preview }: { preview: AllocationPreview }) => {
  const [open, setOpen] = useState<(typeof GROUPS)[number]['key'] | null>(null);
  return (
    <div className="allocate-preview">
      <h2>Preview</h2>
      <ul className="allocate-counts" aria-label="Preview counts">
        {GROUPS.map((g) => (
          <li key={g.key}>
            <button
              type="button"
              aria-expanded={open === g.key}
              disabled={preview.counts[g.key] === 0}
              onClick={() => setOpen(open === g.key ? null : g.key)}
            >
              {g.title}: {count(preview.counts[g.key], 'line')}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <LineTable
          key={open}
          title={GROUPS.find((g) => g.key === open)!.title}
          total={preview.counts[open]}
          page={(from, to) => preview.linesOf(open, from, to)}
        />
      )}
    </div>
  );
};

// A page at a time: 100,000 rows would take seconds to draw, and nobody reads them all at once.
const PAGE = 200;

const LineTable = ({
  title,
  total,
  page,
}: {
  title: string;
  total: number;
  page: (from: number, to: number) => PreviewLine[];
}) => {
  const [shown, setShown] = useState(PAGE);
  const lines = page(0, shown);
  return (
    <>
      <table className="allocate-lines" aria-label={`${title} lines`}>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">SKU</th>
            <th scope="col">Qty</th>
            <th scope="col">Tier</th>
            <th scope="col">Promised</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td>{l.name}</td>
              <td>{l.sku}</td>
              <td>
                {l.filledQty === l.qty || l.filledQty === 0 ? l.qty : `${l.filledQty} of ${l.qty}`}
              </td>
              <td>{l.customerTier}</td>
              <td>{l.promisedBy.slice(0, 10)}</td>
              <td>{l.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, total - shown)} more of {count(total - shown, 'line')}
        </button>
      )}
    </>
  );
};

// Lines of the lead's allocations the server refused (their stock went elsewhere), each with
// the server's sentence, until acknowledged; previewing again plans them on what is free now.
const RefusedLines = ({ busy, onPreview }: { busy: boolean; onPreview: () => void }) => {
  const operatorId = useAppStore((s) => s.operator?.id ?? null);
  const refused = (useRefusals() ?? []).filter(
    (r) => r.record.type === 'allocation.committed' && !r.record.acknowledgedAt,
  );
  if (refused.length === 0) return null;
  return (
    <section className="notice notice-refused" aria-label="Lines the server refused">
      <strong>The server did not allocate these:</strong>
      <ul>
        {refused.map((r) => (
          <li key={r.record.id}>
            {r.record.message}{' '}
            <button type="button" onClick={() => void acknowledge(r.record.id, operatorId)}>
              Got it
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onPreview} disabled={busy}>
        Preview again
      </button>
    </section>
  );
};
