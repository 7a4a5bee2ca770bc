// Conversation and message queries: the chat's only state, kept in the database.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type Conversation,
  conversations,
  type Message,
  messages,
  type ToolCallRecord,
} from '../db/schema.ts';
import { AppError } from '../http/errors.ts';

export const conversationNotFound = (id: number) =>
  new AppError(404, 'conversation_not_found', `Conversation ${id} was not found.`);

const ownedConversation = (userId: string, id: number) =>
  and(eq(conversations.userId, userId), eq(conversations.id, id));

export async function startConversation(
  db: Db,
  userId: string,
  firstMessage: string,
): Promise<Conversation> {
  const title = firstMessage.replace(/\s+/g, ' ').trim().slice(0, 80);
  const [conversation] = await db.insert(conversations).values({ userId, title }).returning();
  return conversation as Conversation;
}

export async function getConversation(db: Db, userId: string, id: number): Promise<Conversation> {
  const [conversation] = await db.select().from(conversations).where(ownedConversation(userId, id));
  if (!conversation) throw conversationNotFound(id);
  return conversation;
}

export function listConversations(db: Db, userId: string, limit: number): Promise<Conversation[]> {
  return db
    .select()
    .from(conversations)
    .where(eq(conversations.userId, userId))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit);
}

export async function deleteConversation(
  db: Db,
  userId: string,
  id: number,
): Promise<Conversation> {
  const [deleted] = await db.delete(conversations).where(ownedConversation(userId, id)).returning();
  if (!deleted) throw conversationNotFound(id);
  return deleted;
}

/** Appends a message and marks the conversation as recently active, in one transaction. */
export function addMessage(
  db: Db,
  conversation: Conversation,
  message: { role: Message['role']; content: string; toolCalls?: ToolCallRecord[] },
): Promise<Message> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        userId: conversation.userId,
        role: message.role,
        content: message.content,
        toolCalls: message.toolCalls ?? [],
      })
      .returning();
    await tx
      .update(conversations)
      .set({ updatedAt: sql`now()` })
      .where(eq(conversations.id, conversation.id));
    return stored as Message;
  });
}

/** The newest `limit` messages, oldest first. */
export async function recentMessages(
  db: Db,
  conversation: Conversation,
  limit: number,
): Promise<Message[]> {
  const newestFirst = await db
    .select()
    .from(messages)
    .where(
      and(eq(messages.conversationId, conversation.id), eq(messages.userId, conversation.userId)),
    )
    .orderBy(desc(messages.id))
    .limit(limit);
  return newestFirst.reverse();
}
