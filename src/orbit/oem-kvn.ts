import { ephemerisError, type EphemerisErrorReason } from './ephemeris-errors.js';

/** An OEM split into its KVN blocks (CCSDS 502.0-B-3 §5), not yet interpreted. */
export interface OemBlocks {
  header: Map<string, string>;
  segments: { metadata: Map<string, string>; stateLines: { lineNumber: number; text: string }[] }[];
}

type Section = 'header' | 'metadata' | 'data' | 'covariance' | 'afterCovariance';

const KEYWORD_LINE = /^([A-Z][A-Z0-9_]*)\s*=\s*(.*)$/;

/** Reads the block structure of a KVN OEM; any structural fault is FILE_FORMAT_INVALID. */
export function readOemBlocks(text: string): OemBlocks | EphemerisErrorReason {
  const blocks: OemBlocks = { header: new Map(), segments: [] };
  let section: Section = 'header';
  const fault = (lineNumber: number, problem: string) =>
    ephemerisError('FILE_FORMAT_INVALID', `OEM line ${lineNumber}: ${problem}`);

  const lines = text.split(/\r?\n/);
  for (const [index, rawLine] of lines.entries()) {
    const lineNumber = index + 1;
    const line = rawLine.trim();
    if (line === '' || line === 'COMMENT' || line.startsWith('COMMENT ')) continue;
    const segment = blocks.segments.at(-1);

    if (line === 'META_START') {
      if (section === 'metadata' || section === 'covariance') return fault(lineNumber, `META_START inside ${section}`);
      blocks.segments.push({ metadata: new Map(), stateLines: [] });
      section = 'metadata';
    } else if (line === 'META_STOP') {
      if (section !== 'metadata') return fault(lineNumber, 'META_STOP without META_START');
      section = 'data';
    } else if (line === 'COVARIANCE_START') {
      if (section !== 'data') return fault(lineNumber, 'COVARIANCE_START outside ephemeris data');
      section = 'covariance';
    } else if (line === 'COVARIANCE_STOP') {
      if (section !== 'covariance') return fault(lineNumber, 'COVARIANCE_STOP without COVARIANCE_START');
      section = 'afterCovariance';
    } else if (section === 'covariance') {
      // Covariance is accepted and ignored: pass prediction uses only the states.
    } else if (section === 'data') {
      if (KEYWORD_LINE.test(line)) return fault(lineNumber, 'keyword inside ephemeris data');
      segment!.stateLines.push({ lineNumber, text: line });
    } else {
      const keyword = KEYWORD_LINE.exec(line);
      if (!keyword || section === 'afterCovariance') return fault(lineNumber, `unexpected "${line.slice(0, 40)}"`);
      (section === 'header' ? blocks.header : segment!.metadata).set(keyword[1]!, keyword[2]!.trim());
    }
  }
  if (section === 'metadata') return fault(lines.length, 'META_STOP missing');
  if (section === 'covariance') return fault(lines.length, 'COVARIANCE_STOP missing');
  if (blocks.segments.length === 0) return fault(lines.length, 'no META_START block');
  return blocks;
}
