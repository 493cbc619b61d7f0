import type { DroppedTote } from '../../db/tables/pack';

// The totes waiting at packing, this station's first: each with its order, tour and contents,
// one touch to open.
export const ToteList = ({
  totes,
  station,
  openId,
  onOpen,
}: {
  totes: DroppedTote[];
  station: string;
  openId: string | null;
  onOpen: (toteId: string) => void;
}) => {
  const here = (t: DroppedTote) =>
    !station || (t.tote.packStation ?? '').toUpperCase() === station.toUpperCase();
  const ordered = [...totes.filter(here), ...totes.filter((t) => !here(t))];
  return (
    <section className="pack-totes" aria-labelledby="pack-totes-title">
      <h2 id="pack-totes-title">Totes to pack ({totes.length})</h2>
      {totes.length === 0 && <p className="lead">No tote is waiting at packing.</p>}
      <ul className="pack-tote-list">
        {ordered.map((t) => (
          <li key={t.tote.id}>
            <button
              type="button"
              className={t.tote.id === openId ? 'pack-tote pack-tote-open' : 'pack-tote'}
              aria-current={t.tote.id === openId ? 'true' : undefined}
              onClick={() => onOpen(t.tote.id)}
            >
              <span className="pack-tote-code">Tote {t.tote.toteCode}</span>
              <span>
                Order {t.tote.orderId} · {t.tourName}
              </span>
              <span className="pack-sub">
                {t.lines} line{t.lines === 1 ? '' : 's'}, {t.units} unit{t.units === 1 ? '' : 's'}
                {t.tote.packStation && ` · at ${t.tote.packStation}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
};
