import PQueue from 'p-queue';

/**
 * One queue for the console's background reads (the fleet view's per-pool
 * usage and group device counts): a few requests at a time, and never more
 * than `perSecond` started in any rolling second. Intune allows 1,000
 * requests per app per tenant in 20 s (50 a second on average); 45 a second
 * is 900 in any 20 s, leaving a tenth of the budget (100 requests per 20 s)
 * for what does not go through this queue: the list pages the same screen
 * streams, and what the admin does meanwhile (opening a pool, saving
 * assignments). The budget is per app per tenant, so a second console open
 * on the same tenant shares it: two full-speed fleet reads at once go over,
 * and a 429 that happens is retried by the Graph client after its
 * Retry-After, holding its slot, so the queue slows down with it. A 10,000
 * pool fleet read takes at best 1.1× Intune's floor (n ÷ 50 a second);
 * bench/dashboard.ts measured 1.15–1.29× (by the machine's load), no 429.
 *
 * Each task is one Graph request (a paged read queues each page), so the
 * numbers above are requests, not pools. A task whose signal is aborted
 * before it starts leaves the queue without a request.
 */
export interface ReadPace {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started in any rolling second. */
  perSecond: number;
}

export const DEFAULT_READ_PACE: Readonly<ReadPace> = Object.freeze({ concurrency: 4, perSecond: 45 });

/** Higher runs first: what the admin is looking at now before the rest of the fleet. */
export const READ_PRIORITY = { visible: 2, background: 0 } as const;

export function createReadQueue(pace: ReadPace = DEFAULT_READ_PACE): PQueue {
  return new PQueue({ concurrency: pace.concurrency, interval: 1_000, intervalCap: pace.perSecond, strict: true });
}

let queue = createReadQueue();

/** The shared queue (for progress: `size`, `pending`). */
export function readQueue(): PQueue {
  return queue;
}

/** Tests and the emulator bench swap the pace; pending work on the old queue is dropped. */
export function setReadPace(pace: ReadPace): void {
  queue.clear();
  queue = createReadQueue(pace);
}

export interface PacedOptions {
  signal?: AbortSignal;
  priority?: number;
}

/** Runs one request through the queue; rejects with an AbortError if `signal` aborts while it waits. */
export function paced<T>(request: (signal?: AbortSignal) => Promise<T>, { signal, priority = READ_PRIORITY.background }: PacedOptions = {}): Promise<T> {
  return queue.add(() => request(signal), { signal, priority });
}

/**
 * Each item of a paged read, one queued request per page. A page without a
 * nextLink ends the read at once (no queued step that sends nothing), and a
 * read's later pages go ahead of other reads' first pages, so a started read
 * finishes instead of waiting behind the whole fleet.
 */
export async function pacedPages<T>(pages: AsyncGenerator<{ value: T[]; '@odata.nextLink'?: string | null }>, options: PacedOptions = {}): Promise<T[]> {
  const items: T[] = [];
  const first = options.priority ?? READ_PRIORITY.background;
  try {
    for (let priority = first; ; priority = first + 1) {
      const next = await paced(() => pages.next(), { ...options, priority });
      if (next.done) return items;
      items.push(...next.value.value);
      if (!next.value['@odata.nextLink']) return items;
    }
  } finally {
    await pages.return(undefined);
  }
}
