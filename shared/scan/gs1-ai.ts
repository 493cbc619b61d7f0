import { GS1_AI_TABLE } from './gs1-ai-table';

// One part of an AI's data field, as GS1's Syntax Dictionary writes it: "N6,yymmd0" is six
// digits checked as a date, "[X..17]" an optional tail of up to 17 characters of set 82.
export interface Gs1AiComponent {
  // N digits, X GS1 character set 82, Y set 39, Z base64url (set 64).
  readonly charset: 'N' | 'X' | 'Y' | 'Z';
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  // The dictionary's content checks (csum, yymmd0, …); gs1-linters.ts says which are run.
  readonly linters: readonly string[];
}

// One dictionary line: one AI, or a run of them ("3100" to "3105") sharing a format.
export interface Gs1AiEntry {
  readonly first: string;
  readonly last: string;
  // In GS1's table of predefined-length AIs: its field has one length and needs no FNC1 after.
  readonly fixedLength: boolean;
  readonly components: readonly Gs1AiComponent[];
  readonly title: string;
}

const aisOf = (e: Gs1AiEntry): string[] => {
  const out: string[] = [];
  for (let n = Number(e.first); n <= Number(e.last); n++)
    out.push(String(n).padStart(e.first.length, '0'));
  return out;
};

const BY_AI = new Map(GS1_AI_TABLE.flatMap((e) => aisOf(e).map((ai) => [ai, e] as const)));

// The AI that starts at `at`. GS1 keeps AIs prefix-free, so at most one length matches; the
// longest is tried first anyway, so a future overlap would pick the more specific AI.
export const findAi = (data: string, at: number): { ai: string; entry: Gs1AiEntry } | null => {
  for (const length of [4, 3, 2]) {
    const ai = data.slice(at, at + length);
    const entry = ai.length === length ? BY_AI.get(ai) : undefined;
    if (entry) return { ai, entry };
  }
  return null;
};

export const gs1AiEntry = (ai: string): Gs1AiEntry | undefined => BY_AI.get(ai);
