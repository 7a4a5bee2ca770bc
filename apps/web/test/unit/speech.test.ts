import { describe, expect, it } from 'vitest';
import { speechErrorMessage, transcriptOf } from '../../lib/speech';

describe('speech input', () => {
  it('joins the phrases heard so far, final or not', () => {
    const results = [
      { isFinal: true, 0: { transcript: 'buy milk ' } },
      { isFinal: false, 0: { transcript: 'tomorrow ' } },
    ];
    expect(transcriptOf({ resultIndex: 1, results })).toBe('buy milk tomorrow');
  });

  it('explains why listening stopped, and stays quiet when the user stopped it', () => {
    expect(speechErrorMessage('not-allowed')).toMatch(/Microphone access is blocked/);
    expect(speechErrorMessage('no-speech')).toMatch(/did not hear/);
    expect(speechErrorMessage('aborted')).toBeUndefined();
  });
});
