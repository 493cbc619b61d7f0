// Location check digits, as RF systems print them on a location's label: two digits a picker
// reads at the shelf and types after the location's code, so a typed location proves the picker
// stood there (the code alone is on the screen). They are derived from the code, so every
// station and every label printer agrees with no table to sync.
//
// The digits: each character's code point times its position (1, 2, …) in the trimmed,
// upper-cased location code, summed, modulo 97, as two digits ("07"). 97 is prime and larger
// than any difference between two printable ASCII characters, so one wrong character, or two
// neighbours swapped, always changes the digits.
export const locationCheckDigits = (code: string): string => {
  let sum = 0;
  [...code.trim().toUpperCase()].forEach((char, i) => {
    sum = (sum + (i + 1) * char.codePointAt(0)!) % 97;
  });
  return String(sum).padStart(2, '0');
};

// How a location was entered, measured against the one expected: the code and its two check
// digits, with or without a space between ("A1-01 47" or "A1-0147"); the code alone; or
// something else. Any case; spaces around ignored, a run of spaces read as one.
export type LocationEntry = 'with-check' | 'code-only' | 'other';

const norm = (text: string) => text.trim().toUpperCase().replace(/\s+/g, ' ');

export const locationEntry = (text: string, code: string): LocationEntry => {
  const typed = norm(text);
  const expected = norm(code);
  if (typed === expected) return 'code-only';
  const digits = locationCheckDigits(code);
  return typed === `${expected}${digits}` || typed === `${expected} ${digits}`
    ? 'with-check'
    : 'other';
};
