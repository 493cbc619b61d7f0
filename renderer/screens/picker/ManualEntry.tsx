import { useState } from 'react';

// Typing a code from a damaged label: the same as scanning it.
export const ManualEntry = ({
  onEnter,
  label,
}: {
  onEnter: (text: string) => void;
  label: string;
}) => {
  const [text, setText] = useState('');
  return (
    <form
      className="manual"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onEnter(text);
        setText('');
      }}
    >
      <label>
        {label}
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
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
