// What the log keeps of an error: where it failed, never what it was working on. PostgreSQL and
// PGlite errors carry the statement's parameters (params), the offending row (detail: "Key
// (code_hash)=(…)") and the bad value in their message and context (where); a token hash, a PIN
// hash and salt, or a payload would reach the log through any of them.

// Fields that name a place or a kind, not a value.
const KEPT = [
  'code',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'statusCode',
] as const;

// A quoted value, a key=(value) pair, or a long run that looks like a hash, a token or base64.
export const scrubValues = (text: string): string =>
  text
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/=\([^)]*\)/g, '=(…)')
    .replace(/[A-Za-z0-9+/_.-]{16,}={0,2}/g, (run) => (/[0-9]/.test(run) ? '…' : run));

type Serialized = { type: string; message: string; stack: string } & Record<string, unknown>;

export const serializeError = (error: unknown, depth = 0): Serialized => {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null))
    return { type: typeof error, message: scrubValues(String(error)), stack: '' };
  const source = error as Error & Record<string, unknown>;
  const message = scrubValues(String(source.message ?? ''));
  const type = source.constructor?.name ?? 'Object';
  // The stack's first lines repeat the message: keep only the frames.
  const frames =
    typeof source.stack === 'string'
      ? source.stack.split('\n').filter((line) => /^\s+at /.test(line))
      : [];
  const out: Serialized = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n') };
  for (const key of KEPT) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (source.cause !== undefined && depth < 3) out.cause = serializeError(source.cause, depth + 1);
  return out;
};
