import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { BackorderLine } from '../../../shared/domain/backorder-line';
import { useAct } from '../../actions/use-act';
import { RefusalNotices } from '../../components/RefusalNotices';
import { useQueueLines, useSkuCodes } from '../../db/tables/backorder-lines';
import { lineName } from '../../../shared/event-rules/names';
import { cap } from '../../../shared/event-rules/tours';
import { describeOwed } from '../../../shared/rules/owed-words';
import { FIELD_LIMITS } from '../../../shared/field-limits';

const ROW_PX = 92;
const DAY_MS = 86_400_000;

const ageDays = (orderedAt: string, now: number) =>
  Math.max(0, Math.floor((now - Date.parse(orderedAt)) / DAY_MS));

// The lead's backorder queue, first version: open and held lines, soonest promise first, each
// with what it still owes and where those units are, with hold and release. Thousands of lines
// scroll smoothly: only the visible rows are drawn.
export const QueueScreen = () => {
  const lines = useQueueLines();
  const skuCodes = useSkuCodes(lines);
  const act = useAct();
  const [reason, setReason] = useState('Check with customer');
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // initialRect: rows show on the first paint, before the scroller has been measured.
  // The virtualizer's functions are read during render only, and nothing here is memoized, so
  // the compiler's caution about this library does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: lines?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 8,
    initialRect: { width: 360, height: 640 },
  });
  const now = Date.now();

  const toggle = async (line: BackorderLine) => {
    const done =
      line.status === 'held'
        ? await act('backorder-line.released', { backorderLineId: line.id })
        : await act('backorder-line.held', { backorderLineId: line.id, reason });
    setError(done.ok ? null : done.reason);
  };

  if (!lines) return <p>Loading the queue…</p>;
  return (
    <section aria-labelledby="queue-title" className="queue">
      <h1 id="queue-title">Backorder queue</h1>
      <p className="lead">{lines.length} open or held lines</p>
      <RefusalNotices screen="queue" />
      <label className="inline">
        Reason for a hold
        <input
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
          maxLength={FIELD_LIMITS.holdReason}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div ref={scroller} className="queue-scroller" role="list" aria-label="Backorder lines">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const line = lines[item.index]!;
            return (
              <div
                key={line.id}
                role="listitem"
                className="queue-row"
                data-testid={`line-${line.id}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_PX,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                <div className="queue-main">
                  {/* What decides a hold first, so a handheld's narrow row still shows it. */}
                  <strong>{cap(lineName(line))}</strong>{' '}
                  <span className={`status status-${line.status}`}>{line.status}</span> ·{' '}
                  {skuCodes.get(line.skuId) ?? line.skuId}
                  {/* Where its units are: a partly picked, partly short line owes the rest. */}
                  <div className="queue-owed">{describeOwed(line)}</div>
                  <div className="queue-sub">
                    {ageDays(line.orderedAt, now)} d old · promised {line.promisedBy.slice(0, 10)} ·{' '}
                    {line.customerId} (tier {line.customerTier})
                  </div>
                </div>
                <button
                  type="button"
                  onClick={() => void toggle(line)}
                  aria-label={`${line.status === 'held' ? 'Release' : 'Hold'} ${line.id}`}
                >
                  {line.status === 'held' ? 'Release' : 'Hold'}
                </button>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
};
