// GS1 check digit (mod 10, weights 3 and 1 from the right) over the digits before it.
export const gtinCheckDigit = (body: string): number => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
};

export const withCheckDigit = (body: string): string => body + String(gtinCheckDigit(body));

// A GTIN-8, -12 (UPC-A), -13 (EAN-13) or -14 whose check digit is right.
export const isGtin = (code: string): boolean =>
  /^(\d{8}|\d{12,14})$/.test(code) && gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));

// GTINs compare as 14 digits: a GTIN-13 on the each and the same one inside a GS1 (01) field.
export const toGtin14 = (gtin: string): string => gtin.padStart(14, '0');
