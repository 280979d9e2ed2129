import { describe, expect, it } from 'vitest';
import { markTourSeen, shouldStartTour, TOUR_SEEN_KEY, TOUR_STEPS } from './tour';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('guided tour', () => {
  it('starts by itself once, in the desktop app or when the address asks for it', () => {
    expect(shouldStartTour(null, true, '')).toBe(true);
    expect(shouldStartTour(null, false, '')).toBe(false);
    expect(shouldStartTour(null, false, '?visite')).toBe(true);
    expect(shouldStartTour('1', true, '?visite')).toBe(false);
  });

  it('remembers that it was seen', () => {
    const store = memoryStorage();
    markTourSeen(store);
    expect(store.getItem(TOUR_SEEN_KEY)).toBe('1');
    expect(shouldStartTour(store.getItem(TOUR_SEEN_KEY), true, '')).toBe(false);
  });

  it('has five or six steps, each anchored and worded in French', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(5);
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(6);
    for (const step of TOUR_STEPS) {
      expect(step.anchor).not.toBe('');
      expect(step.text).toMatch(/[a-zé]/);
    }
  });
});
