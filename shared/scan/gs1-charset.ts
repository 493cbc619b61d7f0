import type { Gs1AiComponent } from './gs1-ai';

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

// The GS1 General Specifications' "AI encodable character set 82" and "set 39", and the
// file- and URI-safe base64 of set 64 (used by AI 8030, the digital signature).
const ALLOWED: Record<Gs1AiComponent['charset'], string> = {
  N: DIGITS,
  X: `!"%&'()*+,-./${DIGITS}:;<=>?${UPPER}_${LOWER}`,
  Y: `#-/${DIGITS}${UPPER}`,
  Z: `-${DIGITS}${UPPER}_${LOWER}`,
};

const NAME: Record<Gs1AiComponent['charset'], string> = {
  N: 'a digit',
  X: 'in GS1 character set 82',
  Y: 'in GS1 character set 39',
  Z: 'in GS1 character set 64 (base64url)',
};

// Set 64 may end in one or two "=" of padding; the Syntax Dictionary's own check (lint_cset64)
// takes them only where the whole field is a multiple of three long.
const padding = (charset: Gs1AiComponent['charset'], part: string): number => {
  if (charset !== 'Z') return 0;
  const pads = part.length - part.replace(/=+$/, '').length;
  return pads <= 2 && part.length % 3 === 0 ? pads : 0;
};

// Why `part` breaks its component's character set (1-based position within `offset`), or null.
export const charsetProblem = (
  charset: Gs1AiComponent['charset'],
  part: string,
  offset: number,
): string | null => {
  const allowed = ALLOWED[charset];
  const end = part.length - padding(charset, part);
  for (let i = 0; i < end; i++) {
    const c = part[i]!;
    if (!allowed.includes(c))
      return `${describeChar(c)} at position ${offset + i + 1} is not ${NAME[charset]}`;
  }
  return null;
};

// Control characters and spaces would be invisible in a message.
const describeChar = (c: string): string => {
  const code = c.codePointAt(0)!;
  return code <= 0x20 || code === 0x7f
    ? `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `"${c}"`;
};
