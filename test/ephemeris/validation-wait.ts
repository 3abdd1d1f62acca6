import { boto3 } from '../support/clients.js';

/** Describes ephemerides once none is VALIDATING any more (validation takes about a second). */
export async function describeWhenValidated(url: string, ephemerisIds: string[], identity = {}): Promise<any[]> {
  // Validation takes a second: asking sooner would only cost a round of boto3.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  for (let attempt = 0; ; attempt++) {
    const outcomes = await boto3(url, ephemerisIds.map((ephemerisId) => ({ op: 'describe_ephemeris', params: { ephemerisId } })), identity);
    const described = outcomes.map((outcome) => outcome.result);
    if (described.some((d) => d === undefined)) throw new Error(`describe_ephemeris failed: ${JSON.stringify(outcomes)}`);
    if (described.every((d) => d.status !== 'VALIDATING')) return described;
    if (attempt === 20) throw new Error('ephemerides stayed VALIDATING');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
