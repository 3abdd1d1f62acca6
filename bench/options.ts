import { parseArgs } from 'node:util';

export const SECTIONS = ['throughput', 'scale', 'startup', 'contacts', 'ephemerides', 'event-loop', 'instructions', 'console'] as const;
export type SectionName = (typeof SECTIONS)[number];
// Instruction counts need valgrind and take minutes of their own: run on request (--only instructions);
// the console's load needs chromium: run on request too (--only console).
const DEFAULT_SECTIONS: SectionName[] = ['throughput', 'scale', 'startup', 'contacts', 'ephemerides', 'event-loop'];

export interface BenchOptions {
  quick: boolean;
  sections: SectionName[];
  /** Seconds of measured load per run, and of warm-up before it. */
  seconds: number;
  warmupSeconds: number;
  /** Independent rounds of the throughput section, and runs per figure of the scale section; tables show medians. */
  rounds: number;
  connections: number[];
  /** Profiles loaded for the scale section. */
  scaleProfiles: number;
  starts: number;
  /** Node flags for every Ground Station Local process started (e.g. --cpu-prof). */
  serverNodeFlags: string[];
  resultsFile: string;
  /** A directory holding the Ground Station Local build to measure (default: this repository). */
  serverRoot?: string;
}

const USAGE = `Usage: npm run bench -- [--quick] [--only SECTION[,SECTION]] [--cpu-prof DIR] [--out FILE] [--server-root DIR]
Sections: ${DEFAULT_SECTIONS.join(', ')} (the default), instructions (needs valgrind), console (needs chromium)
`;

export function readOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      'cpu-prof': { type: 'string' },
      out: { type: 'string' },
      'server-root': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const only = (values.only ?? []).flatMap((value) => value.split(',')).filter(Boolean);
  const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown section: ${unknown.join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  const quick = values.quick ?? false;
  return {
    quick,
    sections: only.length > 0 ? (only as SectionName[]) : DEFAULT_SECTIONS,
    seconds: quick ? 2 : 4,
    warmupSeconds: quick ? 0.5 : 1,
    rounds: quick ? 1 : 3,
    connections: [1, 8, 32],
    scaleProfiles: quick ? 10_000 : 100_000,
    starts: quick ? 3 : 10,
    serverNodeFlags: values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [],
    // Each run keeps its own file: results are records, not rewritten in place.
    resultsFile: values.out ?? `bench/results/${new Date().toISOString().slice(0, 16).replace(':', '-')}Z.json`,
    serverRoot: values['server-root'],
  };
}
