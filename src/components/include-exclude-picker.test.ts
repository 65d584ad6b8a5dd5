import { describe, expect, it } from 'vitest';
import { addToSide, removeFromSide } from './include-exclude-picker.tsx';

const a = { id: 'a' };
const b = { id: 'b' };

describe('include/exclude sides', () => {
  it('adds to a side once, and moves a target that was on the other side', () => {
    const start = { included: [a], excluded: [b] };
    expect(addToSide(start, 'include', b)).toEqual({ included: [a, b], excluded: [] });
    expect(addToSide(start, 'exclude', a)).toEqual({ included: [], excluded: [b, a] });
    expect(addToSide(start, 'include', a)).toEqual(start);
  });

  it('removes from one side only', () => {
    expect(removeFromSide({ included: [a, b], excluded: [b] }, 'include', 'b')).toEqual({ included: [a], excluded: [b] });
  });
});
