// Serializes turns per conversation inside this process: a resident who double-clicks
// or sends two messages at once gets them handled one after the other, each seeing the
// state the previous one saved. (Across processes, the storage's eTag check catches it.)

export class TurnLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Conversations with a turn running or waiting. */
  get busy(): number {
    return this.tails.size;
  }
}
