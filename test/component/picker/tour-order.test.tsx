import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Tour } from '../../../shared/domain/tour';
import { db } from '../../../renderer/db/db';
import { useMyTours } from '../../../renderer/db/tables/tours';

const released = (id: string): Tour => ({
  id,
  waveId: 'WV1',
  sequence: 0,
  status: 'released',
  pickerId: null,
  routeLengthM: 30,
});

describe('the tours waiting to be claimed', () => {
  it('are listed in code-unit order, not the locale’s, so every device offers the same next tour', async () => {
    // In a person's locale 'a' < 'b' < 'B'; by code unit 'B' < 'a' < 'b'.
    await db.tours.bulkPut(['T-b', 'T-a', 'T-B'].map(released));
    const { result } = renderHook(() => useMyTours('op-pia'));
    await waitFor(() => expect(result.current?.waiting).toHaveLength(3));
    expect(result.current!.waiting.map((t) => t.id)).toEqual(['T-B', 'T-a', 'T-b']);
  });
});
