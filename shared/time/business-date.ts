// The business date of an instant: the calendar day it falls on in the warehouse's time zone.
// A pick at 23:30 in New York is that day's work although UTC has already moved to the next
// day; in Tokyo 23:30 is still the same UTC day. Rules that compare dates (expiry) use this,
// never the UTC date of a timestamp.

// One formatter per zone, made by the caller once (a push batch, a pending-view replay):
// building an Intl.DateTimeFormat costs far more than using one.
export const businessDateIn = (timeZone: string): ((at: string | number | Date) => string) => {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (at) => {
    let year = '';
    let month = '';
    let day = '';
    for (const part of format.formatToParts(new Date(at))) {
      if (part.type === 'year') year = part.value;
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    return `${year.padStart(4, '0')}-${month}-${day}`;
  };
};

export const businessDate = (at: string | number | Date, timeZone: string): string =>
  businessDateIn(timeZone)(at);
