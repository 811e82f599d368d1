/** Runs asynchronous tasks one after another, in the order they were queued. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private unsettled = 0;

  /** Queues `task`; resolves or rejects with its result once every earlier task has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.unsettled++;
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined).finally(() => this.unsettled--);
    return result;
  }

  /** True when no task is queued or running: one queued now starts at once. */
  get idle(): boolean {
    return this.unsettled === 0;
  }
}
