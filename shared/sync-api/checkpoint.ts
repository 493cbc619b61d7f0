import { fail, ok, type Result } from '../result';

// The server's position in its change stream: the database that issued it, then the last
// change delivered as (transaction id, position) and that change's random tag. Opaque to
// devices: they store and send it back. The tag is what tells a restored database (which
// reissues the same txids and positions) from the one that issued the checkpoint; it is null
// only at the start of the stream (no change named) and in checkpoints issued before tags.
export interface Checkpoint {
  databaseId: string;
  txid: string;
  pos: number;
  tag: string | null;
}

const PATTERN = /^([0-9a-f-]{36})\.(\d{1,20})\.(\d{1,16})(?:\.(\d{1,20}))?$/;

export const encodeCheckpoint = (c: Checkpoint): string =>
  `${c.databaseId}.${c.txid}.${c.pos}${c.tag === null ? '' : `.${c.tag}`}`;

export const decodeCheckpoint = (text: string): Result<Checkpoint> => {
  const match = PATTERN.exec(text);
  if (!match) return fail(`checkpoint "${text.slice(0, 80)}" is not one this API issues`);
  return ok({
    databaseId: match[1]!,
    txid: match[2]!,
    pos: Number(match[3]),
    tag: match[4] ?? null,
  });
};
