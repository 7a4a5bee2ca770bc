// The browser's speech recognition where it exists (Chromium and Safari prefix it "webkit").

export interface SpeechResultEvent {
  resultIndex: number;
  results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }>;
}

export interface SpeechRecognizer {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: SpeechResultEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

type RecognizerConstructor = new () => SpeechRecognizer;

export function speechRecognizer(): RecognizerConstructor | undefined {
  if (typeof window === 'undefined') return undefined;
  const scope = window as unknown as {
    SpeechRecognition?: RecognizerConstructor;
    webkitSpeechRecognition?: RecognizerConstructor;
  };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
}

/** The transcript so far: final pieces and the phrase still being heard. */
export function transcriptOf(event: SpeechResultEvent): string {
  let text = '';
  for (let index = 0; index < event.results.length; index += 1) {
    text += event.results[index]?.[0].transcript ?? '';
  }
  return text.trim();
}

/** Why listening stopped, in words; `undefined` when it simply ended. */
export function speechErrorMessage(error: string): string | undefined {
  switch (error) {
    case 'not-allowed':
    case 'service-not-allowed':
      return 'Microphone access is blocked. Allow it in your browser to speak your message.';
    case 'no-speech':
      return 'I did not hear anything. Try again.';
    case 'audio-capture':
      return 'No microphone was found.';
    case 'network':
      return 'Speech recognition needs a network connection in this browser.';
    case 'aborted':
      return undefined;
    default:
      return 'Voice input stopped unexpectedly.';
  }
}
