// Dates in GS1 element strings: YYMMDD (AI 11 to 17, …) and YYYYMMDD (AI 7250, …).

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!;

// Why `digits` (YYMMDD, or YYYYMMDD with `fourDigitYear`) is not a date, or null. Day 00 means
// "the month, day not given" where the AI allows it (the dictionary's yymmd0).
export const dateProblem = (
  digits: string,
  { fourDigitYear, dayZero }: { fourDigitYear: boolean; dayZero: boolean },
): string | null => {
  const y = fourDigitYear ? 4 : 2;
  // Without the clock the century of YY is unknown; 2000 + YY has the same leap years as any
  // year from 1901 to 2099, which covers every date the century rule gives until 2050.
  const year = Number(digits.slice(0, y)) + (fourDigitYear ? 0 : 2000);
  const mm = digits.slice(y, y + 2);
  const dd = digits.slice(y + 2, y + 4);
  const month = Number(mm);
  if (month < 1 || month > 12) return `${digits} is not a date (month ${mm})`;
  const day = Number(dd);
  if (day === 0 && dayZero) return null;
  if (day < 1 || day > daysInMonth(year, month)) return `${digits} is not a date (day ${dd})`;
  return null;
};

// GS1 General Specifications, "Determination of century in dates": a two-digit year lies from
// 49 years before the current year to 50 years after it.
export const centuryYear = (yy: number, currentYear: number): number => {
  const century = currentYear - (currentYear % 100);
  const ahead = yy - (currentYear % 100);
  if (ahead >= 51) return century - 100 + yy;
  if (ahead <= -50) return century + 100 + yy;
  return century + yy;
};

// A valid YYMMDD as an ISO date. Day 00 is read as the month's last day, as the General
// Specifications say for best-before and expiry dates ("130200" is 2013-02-28).
export const gs1DateToIso = (yymmdd: string, currentYear: number): string => {
  const year = centuryYear(Number(yymmdd.slice(0, 2)), currentYear);
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6)) || daysInMonth(year, month);
  return `${String(year).padStart(4, '0')}-${yymmdd.slice(2, 4)}-${String(day).padStart(2, '0')}`;
};
