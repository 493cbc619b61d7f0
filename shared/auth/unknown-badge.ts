// What sign-in says when no operator on this device has the badge typed: only advice that can
// help, from what the device knows. Syncing helps a device that never synced; once it has, the
// server's operators are all here (those of other roles without their PIN records), so the
// badge is mistyped, or the operator is not on the server at all.
export interface BadgeLookupFacts {
  // The device has finished a pull at least once.
  synced: boolean;
  // Operators the device holds, of every role.
  operators: number;
}

export const unknownBadgeAdvice = (badge: string, facts: BadgeLookupFacts): string => {
  const typed = badge.trim();
  if (!facts.synced)
    return `No operator with badge ${typed} on this device. Sync first, or check the badge.`;
  if (facts.operators === 0)
    return `The server has no operators yet, so no badge can sign in. An admin adds them (npm run admin -- operator-add); to try the demo instead, start the server with --demo 2000.`;
  return `No operator with badge ${typed} on the server. Check the badge, or ask a lead to add you.`;
};
