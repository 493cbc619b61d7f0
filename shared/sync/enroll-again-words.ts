// What a device says when its server no longer knows it (401 for its token: the server's data
// was reset, or restored from before the device enrolled, or an admin revoked it), and what
// starting over on the device costs. Counts are of events not yet sent.

export const SERVER_FORGOT_DEVICE =
  'This server no longer knows this device (it was reset or restored, or the device was revoked). Enroll again.';

const events = (n: number) => (n === 1 ? '1 event' : `${n} events`);

export const waitingWhileUnknown = (waiting: number): string =>
  waiting === 0
    ? 'Nothing waits to be sent from this device.'
    : `${events(waiting)} ${waiting === 1 ? 'waits' : 'wait'} on this device. ${waiting === 1 ? 'It is' : 'They are'} kept and sent once the device is enrolled again; what the server cannot apply (a reset server has none of the old tours or lines) is listed under Sync problems with the reason.`;

export const startOverWarning = (waiting: number): string =>
  waiting === 0
    ? 'This removes everything this device holds: its enrollment and the data it synced. Nothing waits to be sent.'
    : `This removes everything this device holds: its enrollment, the data it synced, and ${events(waiting)} not yet sent to the server, which will be lost. Enroll again instead to send ${waiting === 1 ? 'it' : 'them'}.`;
