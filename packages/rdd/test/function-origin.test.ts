import { Session } from 'node:inspector';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeShippedFrames, recordOrigins, shippedSourceUrl } from '../src/fn/function-origin.js';

afterEach(() => vi.restoreAllMocks());

describe('where shipped functions were written', () => {
  it('is asked of V8 only when a frame in one is placed, not when it is shipped', () => {
    const asked = vi.spyOn(Session.prototype, 'post');
    const addOne = (x: number) => x + 1;
    const text = Function.prototype.toString.call(addOne);
    const source = `[${text}]`;
    recordOrigins('map at origin-test', source, [addOne]);
    expect(asked).not.toHaveBeenCalled();

    // The worker compiles `return <source>` on line 3; the frame points at the function's first character.
    const column = 'return '.length + source.indexOf(text) + 1;
    const frame = `    at addOne (${shippedSourceUrl('map at origin-test')}:3:${column})`;
    const placed = placeShippedFrames(frame);
    expect(asked).toHaveBeenCalled();
    expect(placed).toMatch(/function-origin\.test\.ts:\d+:\d+\)$/);
  });
});
