// Code-unit order of two strings: the same on every device and in every locale, so ties broken
// by id give the same plan everywhere.
export const compareText = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
