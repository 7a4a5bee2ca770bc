'use client';
// Where the user writes (or speaks) to the assistant; Enter sends, Shift+Enter starts a new line.
import { CHAT_MESSAGE_MAX } from '@todo-chatbot/contract/vocabulary';
import { type FormEvent, type Ref, useState } from 'react';
import { iconButton } from '../lib/styles';
import { Icon } from './icon';
import { VoiceButton } from './voice-button';

interface ChatComposerProps {
  sending: boolean;
  onSend: (text: string) => void;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function ChatComposer({ sending, onSend, inputRef }: ChatComposerProps) {
  const [text, setText] = useState('');
  const [voiceError, setVoiceError] = useState('');

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim() || sending) return;
    onSend(text);
    setText('');
  }

  return (
    <form
      onSubmit={submit}
      className="border-t border-line bg-surface p-3"
      data-testid="chat-composer"
    >
      <div className="flex items-end gap-1 rounded-xl border border-line-strong bg-surface px-2 py-1 focus-within:outline-2 focus-within:outline-focus">
        <label htmlFor="chat-input" className="sr-only">
          Message the assistant
        </label>
        <textarea
          ref={inputRef}
          id="chat-input"
          data-testid="chat-input"
          dir="auto"
          rows={1}
          maxLength={CHAT_MESSAGE_MAX}
          value={text}
          placeholder="Ask the assistant…"
          onChange={(event) => {
            setText(event.target.value);
            setVoiceError('');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
          className="max-h-40 min-h-9 flex-1 resize-none bg-transparent px-1 py-2 text-[15px] text-fg placeholder:text-muted focus:outline-none field-sizing-content"
        />
        <VoiceButton disabled={sending} onTranscript={setText} onError={setVoiceError} />
        <button
          type="submit"
          className={`${iconButton} text-accent disabled:text-muted`}
          disabled={sending || !text.trim()}
          aria-label="Send"
          data-testid="chat-send"
        >
          <Icon name="send" />
        </button>
      </div>
      <p role="alert" className="mt-1 text-xs text-danger empty:hidden">
        {voiceError}
      </p>
    </form>
  );
}
