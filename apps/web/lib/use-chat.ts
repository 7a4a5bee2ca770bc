'use client';
// The assistant conversation: history to switch between, and one streamed turn at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from './api-client';
import { deleteConversation, listConversations, listMessages } from './chat-api';
import { ChatStreamError, streamChat } from './chat-stream';
import { summarizeToolCall } from './tool-calls';
import type { Conversation, ToolCall } from './types';

export interface ChatBubble {
  key: string;
  role: 'user' | 'assistant';
  content: string;
  toolCalls: ToolCall[];
  streaming?: boolean;
  error?: string;
}

export interface ChatController {
  conversations: Conversation[];
  activeId: number | undefined;
  bubbles: ChatBubble[];
  sending: boolean;
  loadingHistory: boolean;
  historyError: string | undefined;
  send: (text: string) => Promise<void>;
  open: (conversationId: number) => Promise<void>;
  startNew: () => void;
  remove: (conversationId: number) => Promise<void>;
}

let bubbleCounter = 0;
const bubbleKey = () => `b${++bubbleCounter}`;

export function useChat(
  userId: string,
  timeZone: string,
  onTasksChanged: () => void,
): ChatController {
  const storageKey = `todo-chat:${userId}`;
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [activeId, setActiveId] = useState<number>();
  const [bubbles, setBubbles] = useState<ChatBubble[]>([]);
  const [sending, setSending] = useState(false);
  const [loadingHistory, setLoadingHistory] = useState(false);
  const [historyError, setHistoryError] = useState<string>();
  const inFlight = useRef<AbortController | undefined>(undefined);

  const remember = useCallback(
    (id: number | undefined) => {
      setActiveId(id);
      try {
        if (id === undefined) localStorage.removeItem(storageKey);
        else localStorage.setItem(storageKey, String(id));
      } catch {
        // Without storage the next visit simply starts a fresh conversation.
      }
    },
    [storageKey],
  );

  const reloadConversations = useCallback(async () => {
    try {
      setConversations(await listConversations());
    } catch (error) {
      setHistoryError(describeError(error));
    }
  }, []);

  const open = useCallback(
    async (conversationId: number) => {
      inFlight.current?.abort();
      setLoadingHistory(true);
      setHistoryError(undefined);
      try {
        const messages = await listMessages(conversationId);
        setBubbles(
          messages.map((message) => ({
            key: `m${message.id}`,
            role: message.role,
            content: message.content,
            toolCalls: message.tool_calls,
          })),
        );
        remember(conversationId);
      } catch (error) {
        // A conversation deleted in another tab is simply gone; start afresh.
        remember(undefined);
        setBubbles([]);
        setHistoryError(describeError(error));
      } finally {
        setLoadingHistory(false);
      }
    },
    [remember],
  );

  useEffect(() => {
    void reloadConversations();
    let saved: number | undefined;
    try {
      saved = Number(localStorage.getItem(storageKey)) || undefined;
    } catch {
      saved = undefined;
    }
    if (saved) void open(saved);
    return () => inFlight.current?.abort();
  }, [reloadConversations, open, storageKey]);

  const startNew = useCallback(() => {
    inFlight.current?.abort();
    remember(undefined);
    setBubbles([]);
    setHistoryError(undefined);
  }, [remember]);

  const send = useCallback(
    async (text: string) => {
      const message = text.trim();
      if (!message || inFlight.current) return;
      const controller = new AbortController();
      inFlight.current = controller;
      const replyKey = bubbleKey();
      const patchReply = (change: (bubble: ChatBubble) => ChatBubble) =>
        setBubbles((list) =>
          list.map((bubble) => (bubble.key === replyKey ? change(bubble) : bubble)),
        );
      setBubbles((list) => [
        ...list,
        { key: bubbleKey(), role: 'user', content: message, toolCalls: [] },
        { key: replyKey, role: 'assistant', content: '', toolCalls: [], streaming: true },
      ]);
      setSending(true);
      try {
        const reply = await streamChat(
          { conversationId: activeId, message, timeZone },
          {
            onConversation: remember,
            onDelta: (delta) =>
              patchReply((bubble) => ({ ...bubble, content: bubble.content + delta })),
            onToolCall: (call) => {
              patchReply((bubble) => ({ ...bubble, toolCalls: [...bubble.toolCalls, call] }));
              if (summarizeToolCall(call).changesTasks) onTasksChanged();
            },
          },
          controller.signal,
        );
        patchReply((bubble) => ({
          ...bubble,
          content: reply.response,
          toolCalls: reply.tool_calls,
          streaming: false,
        }));
        remember(reply.conversation_id);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ChatStreamError && error.conversationId)
          remember(error.conversationId);
        patchReply((bubble) => ({ ...bubble, streaming: false, error: describeError(error) }));
      } finally {
        if (inFlight.current === controller) inFlight.current = undefined;
        setSending(false);
        void reloadConversations();
      }
    },
    [activeId, timeZone, remember, onTasksChanged, reloadConversations],
  );

  const remove = useCallback(
    async (conversationId: number) => {
      try {
        await deleteConversation(conversationId);
        if (conversationId === activeId) startNew();
      } catch (error) {
        setHistoryError(describeError(error));
      }
      await reloadConversations();
    },
    [activeId, startNew, reloadConversations],
  );

  return {
    conversations,
    activeId,
    bubbles,
    sending,
    loadingHistory,
    historyError,
    send,
    open,
    startNew,
    remove,
  };
}
