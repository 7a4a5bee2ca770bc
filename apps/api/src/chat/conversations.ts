// Conversation and message queries: the chat's only state, kept in the database.
import { and, count, desc, eq, sql } from 'drizzle-orm';
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

/**
 * Starts a conversation unless the user already has `max`. The count and the insert run under
 * a per-user transaction lock, so concurrent requests (on any replica) never pass the cap.
 */
export function startConversation(
  db: Db,
  userId: string,
  firstMessage: string,
  max: number,
): Promise<Conversation> {
  const title = firstMessage.replace(/\s+/g, ' ').trim().slice(0, 80);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`conversations:${userId}`}, 0))`,
    );
    const [row] = await tx
      .select({ count: count() })
      .from(conversations)
      .where(eq(conversations.userId, userId));
    if ((row?.count ?? 0) >= max) throw conversationLimitReached(max);
    const [conversation] = await tx.insert(conversations).values({ userId, title }).returning();
    return conversation as Conversation;
  });
}

export const conversationLimitReached = (max: number) =>
  new AppError(
    409,
    'conversation_limit_reached',
    `You have ${max} conversations, the most one account can keep. Delete some old ones to start a new one.`,
  );

export const messageLimitReached = (max: number) =>
  new AppError(
    409,
    'message_limit_reached',
    `This conversation has reached ${max} messages, the most one conversation can hold. Start a new conversation to go on.`,
  );

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

/**
 * Stores the user's message if the conversation has room for it and for the reply to come.
 * The conversation's row is locked while counting, so two turns in one conversation cannot
 * both take its last places.
 */
export function addUserMessage(
  db: Db,
  conversation: Conversation,
  content: string,
  max: number,
): Promise<Message> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.id, conversation.id))
      .for('update');
    const [row] = await tx
      .select({ count: count() })
      .from(messages)
      .where(eq(messages.conversationId, conversation.id));
    if ((row?.count ?? 0) + 2 > max) throw messageLimitReached(max);
    return insertMessage(tx, conversation, { role: 'user', content });
  });
}

/** Appends a message and marks the conversation as recently active, in one statement. */
export function addMessage(
  db: Db,
  conversation: Conversation,
  message: NewMessage,
): Promise<Message> {
  return insertMessage(db, conversation, message);
}

interface NewMessage {
  role: Message['role'];
  content: string;
  toolCalls?: ToolCallRecord[];
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// The conversation's update rides in the insert's WITH: PostgreSQL runs a data-modifying WITH
// to completion, in the same statement, so both happen or neither, without a transaction's
// begin and commit around them.
async function insertMessage(
  db: Db | Tx,
  conversation: Conversation,
  message: NewMessage,
): Promise<Message> {
  const touched = db
    .$with('touched')
    .as(
      db
        .update(conversations)
        .set({ updatedAt: sql`now()` })
        .where(eq(conversations.id, conversation.id))
        .returning({ id: conversations.id }),
    );
  const [stored] = await db
    .with(touched)
    .insert(messages)
    .values({
      conversationId: conversation.id,
      userId: conversation.userId,
      role: message.role,
      content: message.content,
      toolCalls: message.toolCalls ?? [],
    })
    .returning();
  return stored as Message;
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
