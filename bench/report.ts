import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** A target next to a figure: what it must be, and whether it was met. */
export interface TargetCheck {
  name: string;
  target: string;
  actual: string;
  pass: boolean;
}

export interface SectionResult {
  name: string;
  title: string;
  columns: string[];
  rows: string[][];
  notes: string[];
  targets: TargetCheck[];
  /** Raw figures for the run's file in bench/results/. */
  data: unknown;
}

export const fmt = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const fmtInt = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
export const fmtPercent = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)}%` : 'n/a');
export const verdict = (pass: boolean): string => (pass ? 'PASS' : 'MISS');

export function check(name: string, target: string, actual: string, pass: boolean): TargetCheck {
  return { name, target, actual, pass };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function machineInfo() {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model ?? 'unknown',
    cores: cpuList.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

/** The machine's CPU time so far by state (Linux /proc/stat, in ticks); undefined elsewhere. */
export function machineCpuTimes(): { total: number; steal: number } | undefined {
  try {
    // cpu  user nice system idle iowait irq softirq steal ...
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.slice(0, 8).reduce((sum, n) => sum + n, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/** The share of the machine's CPU time the hypervisor gave to other guests between two readings, in %. */
export function stolenPercent(before: ReturnType<typeof machineCpuTimes>, after: ReturnType<typeof machineCpuTimes>): number {
  if (!before || !after || after.total === before.total) return NaN;
  return ((after.steal - before.steal) / (after.total - before.total)) * 100;
}

function renderTable(columns: string[], rows: string[][]): string {
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)));
  const numeric = columns.map((_, i) => rows.every((row) => /^[-\d.,×x%/ ]*$|^n\/a$/.test(row[i] ?? '')));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderReport(machine: ReturnType<typeof machineInfo>, sections: SectionResult[], quick: boolean): string {
  const out: string[] = [];
  out.push(`Ground Station Local benchmark${quick ? ' (--quick: short runs, indicative only)' : ''}`);
  out.push(`${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, ${machine.date}`);
  for (const section of sections) {
    out.push('', `== ${section.title} ==`);
    if (section.rows.length > 0) out.push(renderTable(section.columns, section.rows));
    for (const note of section.notes) out.push(`  ${note}`);
  }
  const targets = sections.flatMap((section) => section.targets);
  if (targets.length > 0) {
    out.push('', '== Targets ==');
    out.push(
      renderTable(
        ['target', 'wanted', 'measured', ''],
        targets.map((t) => [t.name, t.target, t.actual, verdict(t.pass)]),
      ),
    );
  }
  return out.join('\n') + '\n';
}
