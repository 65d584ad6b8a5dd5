/**
 * The app's Graph client (`configureGraph`) answered by a scripted fetch, for
 * tests of one Graph call's request and paging where the fake Graph's state is
 * more than the test needs. No retries and no waits, so a scripted error is
 * the call's answer.
 */
import { configureGraph } from '../graph/client.ts';
import { GRAPH, fakeFetch, type RecordedCall, type Responder } from '../graph/test-support.ts';

/** Configures the app's Graph client to play `responders` in order; returns the calls it records. */
export function scriptGraph(...responders: Responder[]): RecordedCall[] {
  const fake = fakeFetch(...responders);
  configureGraph({ baseUrl: GRAPH, getToken: () => Promise.resolve('t'), fetch: fake.fetch, sleep: () => Promise.resolve(), maxRetries: 0 });
  return fake.calls;
}
