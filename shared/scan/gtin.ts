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
