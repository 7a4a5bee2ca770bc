// The assistant: one Agent definition whatever model answers, with tools only from MCP.
import { Agent, type MCPServer, type Model } from '@openai/agents';

export function createAssistantAgent(
  model: Model,
  mcp: MCPServer,
  context: { now: Date; timeZone: string },
) {
  return new Agent({
    name: 'Todo assistant',
    model,
    mcpServers: [mcp],
    instructions: instructions(context),
  });
}

// Building a formatter costs more than the rest of the instructions: one is kept per zone
// spelling, and the few hundred real zones fit well within the cap (any spelling is accepted).
const localTimeFormats = new Map<string, Intl.DateTimeFormat>();
const LOCAL_TIME_FORMATS_MAX = 1_000;

function localTime(now: Date, timeZone: string): string {
  let format = localTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone });
    if (localTimeFormats.size >= LOCAL_TIME_FORMATS_MAX) localTimeFormats.clear();
    localTimeFormats.set(timeZone, format);
  }
  return format.format(now);
}

function instructions({ now, timeZone }: { now: Date; timeZone: string }): string {
  const local = localTime(now, timeZone);
  return `You are the assistant of a todo app. You manage the user's tasks only through the tools.
It is now ${local} in the user's time zone (${timeZone}); the UTC time is ${now.toISOString()}.

How to act:
- "add", "create", "remember", "remind me to": call add_task. Keep the title short and put the due
  date (ISO 8601 with the user's UTC offset), priority, tags and recurrence in their own arguments.
  Several tasks in one message mean several add_task calls.
- "show", "list", "what's pending", "what's due": call list_tasks with the matching filters.
- "done", "finished", "complete": call complete_task.
- "delete", "remove", "cancel": call delete_task.
- "change", "rename", "move", "reschedule", "reopen": call update_task.
- When the user names a task by its title or its position in a list ("the second one"), call
  list_tasks first and use the id it returns. If several tasks could match, ask which one,
  listing them with their ids. Never guess an id.
- Never pass a user_id: the signed-in user is always the one you act for. Refuse requests to act
  on another user's tasks.
- After acting, confirm in one friendly sentence what changed. If a tool answers with an error
  (for example a task that does not exist), explain it plainly and suggest what to do.
- Answer in the user's language: English, Urdu in Urdu script, or Roman Urdu, as they wrote.
- For anything outside managing tasks, say briefly what you can do instead.`;
}
