import type { EntryKind } from '../../../shared/sync-api/events/picker';
import { useEntryField } from '../../actions/use-scanner';

// Typing a code from a damaged label: the same as scanning it, recorded as typed.
export const ManualEntry = ({
  onEnter,
  label,
}: {
  onEnter: (text: string, entry: EntryKind) => void;
  label: string;
}) => {
  const field = useEntryField(onEnter);
  return (
    <form
      className="manual"
      onSubmit={(e) => {
        e.preventDefault();
        field.enter();
      }}
    >
      <label>
        {label}
        <input
          value={field.text}
          onChange={(e) => field.setText(e.target.value)}
          onKeyDown={field.onKeyDown}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={200}
        />
      </label>
      <button type="submit">Enter</button>
    </form>
  );
};
