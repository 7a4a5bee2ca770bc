// One message in the conversation; the text's own script decides its direction (Urdu reads RTL).
import { visibleToolCalls } from '../lib/tool-calls';
import type { ChatBubble } from '../lib/use-chat';
import { ToolCallChip } from './tool-call-chip';

export function ChatMessage({ bubble }: { bubble: ChatBubble }) {
  const mine = bubble.role === 'user';
  const waiting = bubble.streaming && !bubble.content;
  const calls = visibleToolCalls(bubble.toolCalls);
  return (
    <li
      className={`flex flex-col gap-1 ${mine ? 'items-end' : 'items-start'}`}
      data-testid={`chat-${bubble.role}`}
    >
      <span className="sr-only">{mine ? 'You said:' : 'Assistant:'}</span>
      {(bubble.content || waiting) && (
        <p
          dir="auto"
          data-testid="chat-text"
          aria-busy={bubble.streaming || undefined}
          className={`max-w-[88%] rounded-2xl px-3.5 py-2 text-[15px] leading-relaxed break-words whitespace-pre-wrap ${
            mine ? 'rounded-br-md bg-accent text-accent-fg' : 'rounded-bl-md bg-surface-2 text-fg'
          }`}
        >
          {waiting ? <span className="text-muted">Thinking…</span> : bubble.content}
        </p>
      )}
      {calls.length > 0 && (
        <ul className="flex max-w-[88%] flex-wrap gap-1" aria-label="Changes">
          {calls.map((call, index) => (
            // Calls have no id of their own and never reorder.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <ToolCallChip key={index} call={call} />
          ))}
        </ul>
      )}
      {bubble.error && (
        <p
          role="alert"
          className="max-w-[88%] rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger-soft-fg"
        >
          {bubble.error}
        </p>
      )}
    </li>
  );
}
