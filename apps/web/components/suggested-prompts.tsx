// Examples for a first conversation, one tap each; they show what the assistant understands.

const prompts = [
  'Buy milk tomorrow at 6pm #home',
  "What's due today?",
  'Add water the plants every Monday',
  "Please add pay electricity bill, it's urgent",
  'کل شام 5 بجے دودھ خریدنا شامل کرو',
  'kal subah 10 baje meeting add karo',
];

export function SuggestedPrompts({
  onPick,
  disabled,
}: {
  onPick: (prompt: string) => void;
  disabled: boolean;
}) {
  return (
    <div className="space-y-3 px-1 py-2" data-testid="suggested-prompts">
      <p className="text-sm text-muted">
        Ask me to add, find, change or complete tasks — in English, Urdu or Roman Urdu. Try:
      </p>
      <ul className="flex flex-col gap-2">
        {prompts.map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              dir="auto"
              disabled={disabled}
              onClick={() => onPick(prompt)}
              className="w-full rounded-lg border border-line bg-surface px-3 py-2 text-start text-sm hover:border-accent hover:bg-accent-soft"
            >
              {prompt}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
