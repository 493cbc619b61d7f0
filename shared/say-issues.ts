import type { z } from 'zod';

// A schema's refusal as people read it: one sentence per problem, the field named in words and
// what it needs ("The enrollment code is too long: at most 100 characters."). describeIssues
// (field paths, zod's words) stays for logs and for programs; this is for screens.

// Words for fields whose name alone says too little ("code" -> "the enrollment code"), by path
// ("code", "tours.tasks.qty": array positions left out) or by the last field's name.
export type FieldWords = Readonly<Record<string, string>>;

// "backorderLineId" -> "the backorder line", "packStation" -> "the pack station", "foundQty" ->
// "the found quantity".
const wordsOfName = (name: string): string => {
  const words = name
    .replace(/Id$/, '')
    .replace(/^qty|Qty/g, (q) => (q === 'qty' ? 'quantity' : 'Quantity'))
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return `the ${words}`;
};

const subjectOf = (path: readonly PropertyKey[], words: FieldWords): string => {
  const named = path.filter((p): p is string => typeof p === 'string');
  const last = named.at(-1);
  if (last === undefined) return words[''] ?? 'this';
  return words[named.join('.')] ?? words[last] ?? wordsOfName(last);
};

const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) === 1 ? '' : 's'}`;

const UNITS: Record<string, string> = { string: 'character', array: 'item', set: 'item' };

// zod's own messages start so; a message a schema wrote itself is already a person's phrase
// ("is too large: at most 2,147,483,647", "must be a date between 2000 and 2099").
const ZODS_OWN = /^(Too (big|small)|Invalid|Unrecognized|Expected)/;

const problemOf = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'too_big': {
      const unit = UNITS[issue.origin];
      if (unit) return `is too long: at most ${plural(issue.maximum, unit)}`;
      return `is too large: at most ${issue.maximum}`;
    }
    case 'too_small': {
      const unit = UNITS[issue.origin];
      if (unit && Number(issue.minimum) <= 1)
        return issue.origin === 'string' ? 'is empty: fill it in' : 'is empty: add at least one';
      if (unit) return `is too short: at least ${plural(issue.minimum, unit)}`;
      return `is too small: at least ${issue.minimum}`;
    }
    case 'invalid_type':
      // zod leaves the input out of its issues unless asked; its message still says.
      if (/received undefined$/.test(issue.message)) return 'is missing: fill it in';
      if (issue.expected === 'int') return 'must be a whole number';
      return issue.expected === 'number' ? 'must be a number' : 'is not the right kind of value';
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'date' || issue.format === 'datetime'
        ? 'is not a date this app can read'
        : 'is not in the form this app expects';
    default:
      return 'is not valid';
  }
};

// A list is named as one: "the list of tasks is empty", not "the tasks is empty".
const listOf = (subject: string, issue: z.core.$ZodIssue) =>
  (issue.code === 'too_big' || issue.code === 'too_small') &&
  (issue.origin === 'array' || issue.origin === 'set')
    ? subject.replace(/^the /, 'the list of ')
    : subject;

const sentence = (subject: string, problem: string) => {
  const text = `${subject} ${problem}`;
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
};

// Unknown fields are said apart: "the scanner settings" is plural, "this" is not.
const unknownFields = (keys: readonly string[], subject: string) =>
  `This app does not know the field${keys.length === 1 ? '' : 's'} ${keys.join(', ')}${
    subject === 'this' ? '' : ` in ${subject}`
  }.`;

export const sayIssues = (error: z.ZodError, words: FieldWords = {}): string =>
  [
    ...new Set(
      error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? unknownFields(issue.keys, subjectOf(issue.path, words))
          : sentence(
              listOf(subjectOf(issue.path, words), issue),
              ZODS_OWN.test(issue.message) ? problemOf(issue) : issue.message,
            ),
      ),
    ),
  ].join(' ');
