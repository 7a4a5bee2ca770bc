'use client';
// The assistant beside the list: conversation, history, suggestions and the composer.
import { type Ref, useEffect, useRef, useState } from 'react';
import { getAssistantInfo } from '../lib/chat-api';
import { iconButton } from '../lib/styles';
import type { AssistantInfo } from '../lib/types';
import { useChat } from '../lib/use-chat';
import { ChatComposer } from './chat-composer';
import { ChatMessage } from './chat-message';
import { ConversationHistory } from './conversation-history';
import { Icon } from './icon';
import { SuggestedPrompts } from './suggested-prompts';

interface ChatPanelProps {
  userId: string;
  timeZone: string;
  onTasksChanged: () => void;
  onClose?: () => void;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function ChatPanel({ userId, timeZone, onTasksChanged, onClose, inputRef }: ChatPanelProps) {
  const chat = useChat(userId, timeZone, onTasksChanged);
  const [showHistory, setShowHistory] = useState(false);
  const [assistant, setAssistant] = useState<AssistantInfo>();
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    getAssistantInfo()
      .then(setAssistant)
      .catch(() => setAssistant(undefined));
  }, []);

  // Follow the reply as it streams in, unless the user scrolled up to read something.
  const last = chat.bubbles.at(-1);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new piece of text is the trigger.
  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    if (box.scrollHeight - box.scrollTop - box.clientHeight < 160) box.scrollTop = box.scrollHeight;
  }, [chat.bubbles.length, last?.content, last?.toolCalls.length, showHistory]);

  const model = assistant
    ? assistant.provider === 'local'
      ? 'Built-in offline engine'
      : `${assistant.model} (${assistant.provider})`
    : '';

  return (
    <section
      aria-labelledby="chat-heading"
      className="flex min-h-0 min-w-0 flex-1 flex-col bg-surface"
      data-testid="chat-panel"
    >
      <div className="flex items-center gap-1 border-b border-line px-3 py-2">
        <div className="min-w-0 flex-1">
          <h2 id="chat-heading" className="font-semibold">
            Assistant
          </h2>
          <p className="truncate text-xs text-muted" data-testid="assistant-model">
            {model}
          </p>
        </div>
        <button
          type="button"
          className={iconButton}
          onClick={() => {
            chat.startNew();
            setShowHistory(false);
          }}
          aria-label="New conversation"
          title="New conversation"
          data-testid="chat-new"
        >
          <Icon name="plus" />
        </button>
        <button
          type="button"
          className={`${iconButton} ${showHistory ? 'bg-surface-2 text-fg' : ''}`}
          onClick={() => setShowHistory((shown) => !shown)}
          aria-expanded={showHistory}
          aria-controls="chat-body"
          aria-label="Conversation history"
          title="Conversation history"
          data-testid="chat-history-toggle"
        >
          <Icon name="history" />
        </button>
        {onClose && (
          <button
            type="button"
            className={iconButton}
            onClick={onClose}
            aria-label="Close assistant"
            data-testid="chat-close"
          >
            <Icon name="close" />
          </button>
        )}
      </div>
      <div id="chat-body" ref={scroller} className="min-h-0 flex-1 overflow-y-auto">
        {showHistory ? (
          <ConversationHistory
            conversations={chat.conversations}
            activeId={chat.activeId}
            onOpen={(id) => {
              setShowHistory(false);
              void chat.open(id);
            }}
            onDelete={(id) => void chat.remove(id)}
          />
        ) : (
          <div className="px-3 py-3">
            {chat.historyError && (
              <p
                role="alert"
                className="mb-2 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger-soft-fg"
              >
                {chat.historyError}
              </p>
            )}
            {chat.loadingHistory ? (
              <p role="status" className="text-sm text-muted">
                Loading conversation…
              </p>
            ) : chat.bubbles.length === 0 ? (
              <SuggestedPrompts
                onPick={(prompt) => void chat.send(prompt)}
                disabled={chat.sending}
              />
            ) : (
              <div role="log" aria-label="Conversation">
                <ul className="flex flex-col gap-3" data-testid="chat-messages">
                  {chat.bubbles.map((bubble) => (
                    <ChatMessage key={bubble.key} bubble={bubble} />
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
      </div>
      <ChatComposer
        sending={chat.sending}
        onSend={(text) => void chat.send(text)}
        inputRef={inputRef}
      />
    </section>
  );
}
