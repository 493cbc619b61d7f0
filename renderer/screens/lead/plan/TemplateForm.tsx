import { useState, type ReactNode } from 'react';
import {
  FIELD_WORDS,
  type NamedTemplate,
  type TemplateField,
} from '../../../../shared/planning/wave-templates';
import { FIELD_LIMITS } from '../../../../shared/field-limits';
import { chooseTemplate, loadTemplates, saveTemplate } from '../../../planning/wave-templates';

type Draft = Record<Exclude<TemplateField, 'groupByCutoff'>, string> & { groupByCutoff: boolean };

const NUMBERS = [
  ['maxOrders', 'Max orders'],
  ['maxLines', 'Max lines'],
  ['maxUnits', 'Max units'],
  ['maxWeightKg', 'Max weight (kg)'],
  ['maxVolumeL', 'Max volume (L)'],
  ['cartTotes', 'Cart totes'],
] as const;

// Each box as long as its schema's largest value typed out.
const numberLength = (name: (typeof NUMBERS)[number][0]): number =>
  name === 'cartTotes'
    ? FIELD_LIMITS.cartTotesDigits
    : name === 'maxWeightKg' || name === 'maxVolumeL'
      ? FIELD_LIMITS.templateMeasureText
      : FIELD_LIMITS.templateCountDigits;

const draftOf = (t: NamedTemplate): Draft => ({
  name: t.name,
  maxOrders: String(t.maxOrders),
  maxLines: String(t.maxLines),
  maxUnits: String(t.maxUnits),
  maxWeightKg: String(t.maxWeightKg),
  maxVolumeL: String(t.maxVolumeL),
  zones: (t.zones ?? []).join(', '),
  groupByCutoff: t.groupByCutoff,
  cartTotes: String(t.cartTotes),
});

// An empty box is missing (the check says so); anything else is read as a number, and what is
// not one is said to be no number.
const numberOf = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim());

const inputOf = (d: Draft) => ({
  name: d.name,
  maxOrders: numberOf(d.maxOrders),
  maxLines: numberOf(d.maxLines),
  maxUnits: numberOf(d.maxUnits),
  maxWeightKg: numberOf(d.maxWeightKg),
  maxVolumeL: numberOf(d.maxVolumeL),
  zones: d.zones.trim() === '' ? null : d.zones.split(',').map((z) => z.trim()),
  groupByCutoff: d.groupByCutoff,
  cartTotes: numberOf(d.cartTotes),
});

// The lead's wave templates: choose one to plan with, change it, save it under a name. A field
// that is wrong, or bounds that contradict each other, are said next to the field, and nothing
// is saved.
export const TemplateForm = ({ onChosen }: { onChosen: (t: NamedTemplate) => void }) => {
  const [saved, setSaved] = useState(loadTemplates);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved.chosen));
  const [problems, setProblems] = useState<Partial<Record<TemplateField, string>>>({});
  const [note, setNote] = useState<string | null>(null);

  const set = (field: TemplateField, value: string | boolean) =>
    setDraft((d) => ({ ...d, [field]: value }));

  const choose = (name: string) => {
    chooseTemplate(name);
    const next = loadTemplates();
    setSaved(next);
    setDraft(draftOf(next.chosen));
    setProblems({});
    setNote(null);
    onChosen(next.chosen);
  };

  const save = () => {
    const out = saveTemplate(inputOf(draft));
    if (!out.ok) {
      const byField: Partial<Record<TemplateField, string>> = {};
      for (const p of out.problems) byField[p.field] = byField[p.field] ?? p.words;
      setProblems(byField);
      setNote(null);
      return;
    }
    setProblems({});
    setSaved(loadTemplates());
    setDraft(draftOf(out.value));
    setNote(`Saved "${out.value.name}"; plans use it.`);
    onChosen(out.value);
  };

  const field = (name: TemplateField, label: string, input: ReactNode) => (
    <div className="template-field" key={name}>
      <label htmlFor={`template-${name}`}>{label}</label>
      {input}
      {problems[name] && (
        <p id={`template-${name}-problem`} className="error" role="alert">
          {problems[name]}
        </p>
      )}
    </div>
  );
  const aria = (name: TemplateField) => ({
    id: `template-${name}`,
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `template-${name}-problem` : undefined,
  });

  return (
    <form
      className="template-form"
      aria-label="Wave template"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h2>Wave template</h2>
      <label className="inline">
        Plan with
        <select value={saved.chosen.name} onChange={(e) => choose(e.target.value)}>
          {saved.templates.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <div className="template-fields">
        {field(
          'name',
          'Name',
          <input
            {...aria('name')}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            maxLength={FIELD_LIMITS.templateName}
          />,
        )}
        {NUMBERS.map(([name, label]) =>
          field(
            name,
            label,
            <input
              {...aria(name)}
              inputMode="decimal"
              maxLength={numberLength(name)}
              value={draft[name]}
              onChange={(e) => set(name, e.target.value)}
            />,
          ),
        )}
        {field(
          'zones',
          'Zones (comma between; empty for all)',
          <input
            {...aria('zones')}
            value={draft.zones}
            maxLength={FIELD_LIMITS.templateZonesText}
            onChange={(e) => set('zones', e.target.value)}
          />,
        )}
        <div className="template-field">
          <label className="inline">
            <input
              type="checkbox"
              checked={draft.groupByCutoff}
              onChange={(e) => set('groupByCutoff', e.target.checked)}
            />
            {`Group lines by carrier cut-off`}
          </label>
        </div>
      </div>
      <button type="submit">Save template</button>
      {note && <p className="lead">{note}</p>}
      {Object.keys(problems).length > 0 && (
        <p className="lead">
          Not saved:{' '}
          {Object.keys(problems)
            .map((f) => FIELD_WORDS[f as TemplateField])
            .join(', ')}
          .
        </p>
      )}
    </form>
  );
};
