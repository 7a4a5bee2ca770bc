'use client';
// Holds the chat panel: a column on wide screens, a modal drawer on smaller ones, opened from a
// floating button. The panel stays mounted either way so a conversation survives closing it.
import { useEffect, useRef } from 'react';
import { ChatPanel } from './chat-panel';
import { Icon } from './icon';

interface ChatDrawerProps {
  userId: string;
  timeZone: string;
  open: boolean;
  wide: boolean;
  onOpen: () => void;
  onClose: () => void;
  onTasksChanged: () => void;
}

export function ChatDrawer({
  userId,
  timeZone,
  open,
  wide,
  onOpen,
  onClose,
  onTasksChanged,
}: ChatDrawerProps) {
  const drawer = open && !wide;
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const wasDrawer = useRef(false);

  useEffect(() => {
    if (drawer) input.current?.focus();
    else if (wasDrawer.current) opener.current?.focus();
    wasDrawer.current = drawer;
  }, [drawer]);

  useEffect(() => {
    if (!drawer) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [drawer, onClose]);

  return (
    <>
      <button
        ref={opener}
        type="button"
        onClick={onOpen}
        aria-expanded={drawer}
        aria-controls="chat-drawer"
        data-testid="chat-open"
        className="fixed right-4 bottom-4 z-30 inline-flex items-center gap-2 rounded-full bg-accent px-4 py-3 font-medium text-accent-fg shadow-lg hover:bg-accent-hover lg:hidden"
      >
        <Icon name="chat" />
        Assistant
      </button>
      {drawer && (
        <div
          aria-hidden="true"
          className="fixed inset-0 z-40 bg-black/50 lg:hidden"
          onClick={onClose}
        />
      )}
      <div
        id="chat-drawer"
        // A modal dialog while it covers the page; the page's assistant column otherwise.
        {...(drawer
          ? { role: 'dialog', 'aria-modal': true, 'aria-labelledby': 'chat-heading' }
          : { role: 'complementary', 'aria-labelledby': 'chat-heading' })}
        className={`${
          drawer ? 'fixed inset-y-0 right-0 z-50 flex w-full shadow-2xl sm:w-[420px]' : 'hidden'
        } lg:static lg:z-auto lg:flex lg:w-[400px] lg:shrink-0 lg:border-l lg:border-line lg:shadow-none`}
      >
        <ChatPanel
          userId={userId}
          timeZone={timeZone}
          onTasksChanged={onTasksChanged}
          onClose={drawer ? onClose : undefined}
          inputRef={input}
        />
      </div>
    </>
  );
}
