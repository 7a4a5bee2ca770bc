'use client';
// Dictation through the browser's speech recognition; hidden where the browser has none.
import { useEffect, useRef, useState } from 'react';
import {
  type SpeechRecognizer,
  speechErrorMessage,
  speechRecognizer,
  transcriptOf,
} from '../lib/speech';
import { iconButton } from '../lib/styles';
import { Icon } from './icon';

// Short names keep the composer roomy on a phone; the select's label says what they are.
const languages = [
  ['en-US', 'EN'],
  ['ur-PK', 'اردو'],
] as const;

interface VoiceButtonProps {
  disabled: boolean;
  onTranscript: (text: string) => void;
  onError: (message: string) => void;
}

export function VoiceButton({ disabled, onTranscript, onError }: VoiceButtonProps) {
  const [supported, setSupported] = useState(false);
  const [listening, setListening] = useState(false);
  const [lang, setLang] = useState<string>('en-US');
  const recognizer = useRef<SpeechRecognizer | undefined>(undefined);

  // Known only in the browser, so the static page and its hydration agree.
  useEffect(() => {
    setSupported(Boolean(speechRecognizer()));
    return () => recognizer.current?.abort();
  }, []);

  if (!supported) return null;

  function toggle() {
    if (listening) {
      recognizer.current?.stop();
      return;
    }
    const Recognizer = speechRecognizer();
    if (!Recognizer) return;
    const instance = new Recognizer();
    instance.lang = lang;
    instance.interimResults = true;
    instance.continuous = false;
    instance.onresult = (event) => onTranscript(transcriptOf(event));
    instance.onerror = (event) => {
      const message = speechErrorMessage(event.error);
      if (message) onError(message);
    };
    instance.onend = () => setListening(false);
    recognizer.current = instance;
    try {
      instance.start();
      setListening(true);
    } catch {
      onError('Voice input could not start. Try again.');
    }
  }

  return (
    <div className="flex items-center">
      <label htmlFor="voice-language" className="sr-only">
        Voice language
      </label>
      <select
        id="voice-language"
        value={lang}
        onChange={(event) => setLang(event.target.value)}
        disabled={listening}
        title="Voice language"
        className="h-9 rounded-md border-0 bg-transparent px-1 text-xs text-muted hover:bg-surface-2"
      >
        {languages.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={`${iconButton} ${listening ? 'bg-danger-soft text-danger-soft-fg' : ''}`}
        disabled={disabled}
        aria-pressed={listening}
        aria-label={listening ? 'Stop listening' : 'Speak your message'}
        title={listening ? 'Stop listening' : 'Speak your message'}
        onClick={toggle}
        data-testid="voice-button"
      >
        <Icon name="mic" />
      </button>
    </div>
  );
}
