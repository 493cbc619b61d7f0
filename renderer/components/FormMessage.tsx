// What a settings form answered: saved (a quiet notice) or refused (an alert read out at once).
export const FormMessage = ({ message }: { message: { text: string; error: boolean } | null }) =>
  message && (
    <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
