import type { TaskNotice } from '../../../shared/picking/task-notices';

// Work a pull took off the tour (renderer/picking/task-notices.ts), each until dismissed.
export const TaskNotices = ({
  notices,
  onDismiss,
}: {
  notices: readonly TaskNotice[];
  onDismiss: (id: string) => void;
}) =>
  notices.length === 0 ? null : (
    <section aria-label="Changes to your tour" className="task-notices">
      {notices.map((n) => (
        <p key={n.id} className="notice" role="status">
          {n.text}{' '}
          <button type="button" className="button-quiet" onClick={() => onDismiss(n.id)}>
            Got it
          </button>
        </p>
      ))}
    </section>
  );
