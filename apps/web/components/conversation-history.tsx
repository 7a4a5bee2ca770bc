'use client';
// Earlier conversations: open one to continue it, or delete it (asked twice, it cannot be undone).
import { useState } from 'react';
import { iconButton } from '../lib/styles';
import type { Conversation } from '../lib/types';
import { Icon } from './icon';

interface ConversationHistoryProps {
  conversations: Conversation[];
  activeId: number | undefined;
  onOpen: (id: number) => void;
  onDelete: (id: number) => void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ConversationHistory({
  conversations,
  activeId,
  onOpen,
  onDelete,
}: ConversationHistoryProps) {
  const [confirming, setConfirming] = useState<number>();
  if (conversations.length === 0) {
    return <p className="p-4 text-sm text-muted">No conversations yet.</p>;
  }
  return (
    <ul className="divide-y divide-line" aria-label="Conversations" data-testid="conversation-list">
      {conversations.map((conversation) => (
        <li
          key={conversation.id}
          className="flex items-center gap-1 px-2 py-1.5"
          data-testid="conversation-item"
        >
          <button
            type="button"
            onClick={() => onOpen(conversation.id)}
            aria-current={conversation.id === activeId ? 'true' : undefined}
            className={`min-w-0 flex-1 rounded-md px-2 py-1.5 text-start hover:bg-surface-2 ${
              conversation.id === activeId ? 'bg-accent-soft text-accent-soft-fg' : ''
            }`}
          >
            <span dir="auto" className="block truncate text-sm font-medium">
              {conversation.title || 'Conversation'}
            </span>
            <span className="block text-xs text-muted">
              {when.format(new Date(conversation.updated_at))}
            </span>
          </button>
          {confirming === conversation.id ? (
            <span className="flex shrink-0 items-center gap-1">
              <button
                type="button"
                className="rounded-md bg-danger px-2 py-1 text-xs font-semibold text-surface"
                onClick={() => {
                  setConfirming(undefined);
                  onDelete(conversation.id);
                }}
                data-testid="conversation-delete-confirm"
              >
                Delete
              </button>
              <button
                type="button"
                className="rounded-md px-2 py-1 text-xs"
                onClick={() => setConfirming(undefined)}
              >
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              className={`${iconButton} hover:text-danger`}
              aria-label={`Delete conversation “${conversation.title}”`}
              onClick={() => setConfirming(conversation.id)}
              data-testid="conversation-delete"
            >
              <Icon name="trash" className="size-4" />
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
