/**
 * The idle heap: after a quiet spell the server marks V8's heap as optimised for size (so the
 * memory reducer hands pages back), and the next piece of work marks it for speed again before it
 * runs. Flags recorded through an injected setter; timers are real and short.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdleHeap } from '../../server/src/heap';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('IdleHeap', () => {
  it('asks for size after the idle time, and for speed again when work starts', async () => {
    const flags: string[] = [];
    const heap = new IdleHeap(200, (f) => flags.push(f));
    try {
      heap.busy();
      await sleep(5);
      assert.deepEqual(flags, [], 'not idle yet');
      assert.equal(heap.idle, false);
      await sleep(400);
      assert.deepEqual(flags, ['--optimize-for-size']);
      assert.equal(heap.idle, true);
      heap.busy();
      assert.deepEqual(flags, ['--optimize-for-size', '--no-optimize-for-size'], 'speed comes back before the work runs');
      assert.equal(heap.idle, false);
      await sleep(400);
      assert.deepEqual(flags, ['--optimize-for-size', '--no-optimize-for-size', '--optimize-for-size'], 'and size again after the next quiet spell');
    } finally {
      heap.dispose();
    }
  });

  it('keeps putting the quiet spell off while work goes on', async () => {
    const flags: string[] = [];
    const heap = new IdleHeap(500, (f) => flags.push(f));
    try {
      for (let i = 0; i < 6; i++) {
        heap.busy();
        await sleep(20);
      }
      assert.deepEqual(flags, [], 'work every 20 ms never leaves 500 ms idle');
      heap.busy();
      assert.deepEqual(flags, [], 'busy while already fast changes no flag');
    } finally {
      heap.dispose();
    }
  });

  it('does nothing after dispose, and a setter that throws changes nothing', async () => {
    const flags: string[] = [];
    const heap = new IdleHeap(20, (f) => flags.push(f));
    heap.busy();
    heap.dispose();
    await sleep(60);
    assert.deepEqual(flags, []);
    const throwing = new IdleHeap(10, () => {
      throw new Error('unknown flag');
    });
    try {
      throwing.busy();
      await sleep(40);
      assert.doesNotThrow(() => throwing.busy());
    } finally {
      throwing.dispose();
    }
  });
});
