// The carriers' published check-digit arithmetic, each over the characters before the check
// digit. Sources are in docs/shipping.md ("Tracking numbers"); GS1 mod 10 is in scan/gtin.ts.

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

// UPS 1Z: over the 15 characters after "1Z". A letter counts as (its ASCII code - 3) mod 10
// (A=2 ... H=9, I=0 ...); from the left, odd positions count once, even positions twice; the
// check digit brings the sum up to the next multiple of 10.
export const upsCheckDigit = (body: string): number => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code >= 48 && code <= 57 ? code - 48 : (code - 3) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
};

// FedEx Express 12-digit: weights 1, 3, 7 repeating from the right over the 11 digits before
// the check digit; the sum mod 11, and a remainder of 10 gives 0.
export const fedexExpressCheckDigit = (body: string): number => {
  const weights = [1, 3, 7];
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += digitAt(body, body.length - 1 - i) * weights[i % 3]!;
  return (sum % 11) % 10;
};

// DHL Express waybill: the number before the check digit, mod 7. Nine digits fit a double.
export const dhlExpressCheckDigit = (body: string): number => Number(body) % 7;

// UPU S10 (international postal items, such as USPS's EA123456785US): weights 8,6,4,2,3,5,9,7
// over the 8 serial digits; 11 minus the sum mod 11, where 10 gives 0 and 11 gives 5.
export const s10CheckDigit = (serial: string): number => {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < serial.length; i++) sum += digitAt(serial, i) * weights[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
};
